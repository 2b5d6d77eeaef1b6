// A body past the webhook's limit is answered and the connection closed while the sender is
// still writing: the bot reads no further than the limit (1 MB signed, 4 KB unsigned) and never
// drains the rest. Asserted by what the client sees on the wire; nothing here is timed.
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signEvent } from "../../src/lark/crypto.ts";
import { startHarness, TEST_LARK, type Harness } from "../support/harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const TOTAL = 20 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, "x");

interface Outcome {
  /** What the server wrote back, as text. */
  answer: string;
  /** Body bytes the client had handed to its socket when the connection closed. */
  sent: number;
  /** How the write side ended: "closed" by the server, or "finished" (everything sent). */
  ended: "closed" | "finished";
}

function signedHeaders(): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000));
  // The signature cannot be right for a body never finished; the limit comes first anyway.
  return { "x-lark-request-timestamp": ts, "x-lark-request-nonce": "n1", "x-lark-signature": signEvent(ts, "n1", TEST_LARK.encryptKey, "") };
}

/** Streams `TOTAL` bytes to /lark/events over a raw socket (chunked, or with a declared length). */
function streamBody(headers: Record<string, string>, mode: "chunked" | "declared"): Promise<Outcome> {
  const { port } = new URL(h.app.url!);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), "127.0.0.1");
    let answer = "";
    let sent = 0;
    let closed = false;
    socket.on("data", (d: Buffer) => void (answer += d.toString("utf8")));
    // EPIPE / ECONNRESET are how a closed connection shows on the write side; 'close' follows.
    socket.on("error", () => undefined);
    socket.on("close", () => {
      closed = true;
      resolve({ answer, sent, ended: sent >= TOTAL ? "finished" : "closed" });
    });
    socket.on("connect", async () => {
      const lines = [
        "POST /lark/events HTTP/1.1",
        `Host: 127.0.0.1:${port}`,
        "Content-Type: application/json",
        mode === "chunked" ? "Transfer-Encoding: chunked" : `Content-Length: ${TOTAL}`,
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
      try {
        while (!closed && sent < TOTAL) {
          const frame = mode === "chunked" ? Buffer.concat([Buffer.from(`${CHUNK.length.toString(16)}\r\n`), CHUNK, Buffer.from("\r\n")]) : CHUNK;
          const more = socket.write(frame);
          sent += CHUNK.length;
          if (!more) await new Promise<void>((r) => (socket.once("drain", r), socket.once("close", r)));
        }
        if (!closed && mode === "chunked") socket.write("0\r\n\r\n");
      } catch (err) {
        reject(err as Error);
      }
    });
  });
}

const inboxRows = () => h.db.prisma.inboundEvent.count();

describe("webhook body limit", () => {
  it("answers a signed 20 MB chunked body 413 and closes the connection long before it is sent", async () => {
    const before = await inboxRows();
    const out = await streamBody(signedHeaders(), "chunked");
    expect(out.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(out.answer.toLowerCase()).toContain("connection: close");
    expect(out.answer).toContain('{"error":"body over 1048576 bytes"}');
    expect(out.ended).toBe("closed");
    expect(out.sent).toBeLessThan(TOTAL / 2);
    expect(await inboxRows()).toBe(before);
  });

  it("answers a declared 20 MB body 413 from its Content-Length, before reading it", async () => {
    const out = await streamBody(signedHeaders(), "declared");
    expect(out.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(out.ended).toBe("closed");
    expect(out.sent).toBeLessThan(TOTAL / 2);
  });

  it("stops reading an unsigned body at 4 KB: 401 and the connection closed", async () => {
    const out = await streamBody({}, "chunked");
    expect(out.answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(out.answer).toContain('{"error":"signature headers missing"}');
    expect(out.ended).toBe("closed");
    expect(out.sent).toBeLessThan(TOTAL / 2);
  });

  it("keeps serving afterwards", async () => {
    const res = await fetch(`${h.app.url}/healthz`);
    expect(res.status).toBe(200);
    const said = await h.double.verifyUrl("events");
    expect(said.ok).toBe(true);
  });
});
