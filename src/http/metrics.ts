// Serves /metrics (Prometheus text format) where only whoever runs the bot can read it: on a
// listener of its own (METRICS_PORT, bound to 127.0.0.1 unless METRICS_HOST says otherwise),
// and/or on the public port behind `Authorization: Bearer <METRICS_TOKEN>`. Neither is on by
// default: the figures say who uses the bot and how much, which is nobody else's business.
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Metrics } from "../metrics.ts";

/** Compares digests, so neither the token's length nor its bytes leak through timing. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];
  if (!given) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(token).digest();
  return timingSafeEqual(a, b);
}

function answer(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), "cache-control": "no-store", ...headers }).end(body);
}

/**
 * The /metrics handler. With a token, a request without the right Bearer token gets 401 and a
 * reason; a scrape that fails (it should not: queue reads that fail are left out) gets 500.
 */
export function metricsHandler(metrics: Metrics, opts: { token?: string | undefined } = {}) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      return answer(res, 405, "text/plain; charset=utf-8", "只支持 GET /metrics\n", { allow: "GET, HEAD" });
    }
    if (opts.token !== undefined && !tokenMatches(req.headers.authorization, opts.token)) {
      return answer(res, 401, "text/plain; charset=utf-8", "需要 Authorization: Bearer <METRICS_TOKEN>\n", { "www-authenticate": 'Bearer realm="metrics"' });
    }
    try {
      answer(res, 200, metrics.contentType, await metrics.text());
    } catch (err) {
      answer(res, 500, "text/plain; charset=utf-8", `指标读取失败：${err instanceof Error ? err.message : String(err)}\n`);
    }
  };
}

export interface MetricsServer {
  readonly url: string;
  close(): Promise<void>;
}

/** A listener that serves nothing but /metrics. */
export async function startMetricsServer(metrics: Metrics, opts: { port: number; host: string; token?: string | undefined }): Promise<MetricsServer> {
  const handle = metricsHandler(metrics, { token: opts.token });
  const server: Server = createServer((req, res) => {
    if ((req.url ?? "").split("?")[0] !== "/metrics") return answer(res, 404, "text/plain; charset=utf-8", "这里只有 /metrics\n");
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(":") ? `[${opts.host}]` : opts.host === "0.0.0.0" ? "127.0.0.1" : opts.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
