import { describe, expect, it } from "vitest";
import { decryptEvent, encryptEvent, signEvent } from "../../src/lark/crypto.ts";
import { verifyDelivery } from "../../src/lark/verify.ts";

const KEY = "k-123";
const TOKEN = "tok";
const now = 1_800_000_000_000;

function request(payload: object, opts: { key?: string; ts?: number; sig?: string } = {}) {
  const body = JSON.stringify({ encrypt: encryptEvent(opts.key ?? KEY, JSON.stringify(payload)) });
  const ts = String(opts.ts ?? now / 1000);
  const nonce = "n1";
  return {
    raw: Buffer.from(body),
    headers: { "x-lark-request-timestamp": ts, "x-lark-request-nonce": nonce, "x-lark-signature": opts.sig ?? signEvent(ts, nonce, opts.key ?? KEY, body) },
  };
}
const verify = (r: ReturnType<typeof request>) => verifyDelivery(r.raw, r.headers, { encryptKey: KEY, verificationToken: TOKEN, maxAgeSec: 300, nowMs: now });
const event = { schema: "2.0", header: { event_id: "e1", event_type: "x", token: TOKEN }, event: {} };

describe("Lark crypto", () => {
  it("decrypts Lark's published test vector", () => {
    expect(decryptEvent("test key", "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=")).toBe("hello world");
  });
});

describe("verifyDelivery", () => {
  it("accepts a well-signed, fresh event with the right token", () => {
    const v = verify(request(event));
    expect(v.ok && v.body).toMatchObject({ header: { event_id: "e1" } });
  });
  it("rejects a bad signature", () => expect(verify(request(event, { sig: "ab".repeat(32) }))).toMatchObject({ ok: false, status: 401, reason: "bad signature" }));
  it("rejects another key's signature", () => expect(verify(request(event, { key: "other" }))).toMatchObject({ ok: false, status: 401 }));
  it("rejects a timestamp older than 5 minutes", () => expect(verify(request(event, { ts: now / 1000 - 301 }))).toMatchObject({ ok: false, reason: "timestamp too old" }));
  it("rejects a timestamp from the future too", () => expect(verify(request(event, { ts: now / 1000 + 301 }))).toMatchObject({ ok: false }));
  it("rejects a wrong verification token", () =>
    expect(verify(request({ ...event, header: { ...event.header, token: "nope" } }))).toMatchObject({ ok: false, reason: "wrong verification token" }));
  it("rejects an unencrypted body when a key is set", () => {
    const raw = Buffer.from(JSON.stringify(event));
    expect(verifyDelivery(raw, {}, { encryptKey: KEY, verificationToken: TOKEN, maxAgeSec: 300, nowMs: now })).toMatchObject({ ok: false, status: 401 });
  });
  it("answers 400 for a body that is not JSON", () => {
    expect(verifyDelivery(Buffer.from("<xml/>"), {}, { encryptKey: KEY, verificationToken: TOKEN, maxAgeSec: 300, nowMs: now })).toMatchObject({ ok: false, status: 400 });
  });
  it("checks the token of a URL challenge", () => {
    expect(verify(request({ type: "url_verification", challenge: "c", token: TOKEN })).ok).toBe(true);
    expect(verify(request({ type: "url_verification", challenge: "c", token: "x" })).ok).toBe(false);
  });
});
