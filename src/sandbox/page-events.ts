// What the open sandbox pages hear without asking: new and updated messages, the clock moved,
// a task run. One server-sent event stream per page (/sandbox/api/stream).
import type { Request, Response } from "express";

export class PageEvents {
  private readonly listeners = new Set<(event: string, data: unknown) => void>();

  broadcast(event: string, data: unknown): void {
    this.listeners.forEach((fn) => fn(event, data));
  }

  /** The GET handler of the stream: holds the response open until the page goes away. */
  readonly stream = (req: Request, res: Response): void => {
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" });
    res.write("retry: 1000\n\n");
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    this.listeners.add(send);
    // A comment every 15 s keeps proxies from closing an idle stream.
    const ping = setInterval(() => res.write(": ping\n\n"), 15_000);
    ping.unref();
    req.on("close", () => {
      clearInterval(ping);
      this.listeners.delete(send);
    });
  };
}
