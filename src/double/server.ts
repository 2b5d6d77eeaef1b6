// One HTTP server, two faces: /open-apis (Lark as the bot sees it) and /_double (the control
// API for tests, scripts and the sandbox page).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { controlApiRouter, type DoubleControl } from "./control-api.ts";
import type { LongConnectionHub } from "./long-connection.ts";
import { longConnectionControl, longConnectionEndpoint } from "./long-connection-routes.ts";
import type { OpenApiContext } from "./open-api-context.ts";
import { openApiRouter } from "./open-apis.ts";

/** `double` is the LarkDouble (index.ts), seen through what its routes need: no import back. */
export function createDoubleApp(ctx: OpenApiContext, double: DoubleControl & { readonly longConnection: LongConnectionHub }): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use("/open-apis", openApiRouter(ctx));
  app.use(longConnectionEndpoint(double.longConnection));
  app.use("/_double/long-connections", longConnectionControl(double.longConnection));
  app.use("/_double", controlApiRouter(double));
  app.get("/", (_req, res) => void res.type("text/plain").send("Lark double: Open Platform under /open-apis, control API under /_double\n"));
  return app;
}

export async function listen(app: express.Express, port: number, host: string): Promise<{ server: Server; url: string }> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port: actual } = server.address() as AddressInfo;
  return { server, url: `http://${host}:${actual}` };
}

export async function shutdown(server: Server): Promise<void> {
  // SSE streams and keep-alive sockets would hold close() open forever.
  const closed = new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  server.closeAllConnections();
  await closed;
}
