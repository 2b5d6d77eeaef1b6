import { describe, expect, it } from "vitest";
import { decryptEvent, encryptEvent, signEvent } from "../../src/lark/crypto.ts";
import { storableJson, storableText } from "../../src/lark/storable.ts";
import { verifyDelivery } from "../../src/lark/verify.ts";

const KEY = "k-123";
const TOKEN = "tok";
const now = 1_800_000_000_000;
const opts = { encryptKey: KEY, verificationToken: TOKEN, maxAgeSec: 300, nowMs: now };

function request(payload: object, o: { key?: string; ts?: number; sig?: string } = {}) {
  const body = JSON.stringify({ encrypt: encryptEvent(o.key ?? KEY, JSON.stringify(payload)) });
  const ts = String(o.ts ?? now / 1000);
  const nonce = "n1";
  return {
    raw: Buffer.from(body),
    headers: { "x-lark-request-timestamp": ts, "x-lark-request-nonce": nonce, "x-lark-signature": o.sig ?? signEvent(ts, nonce, o.key ?? KEY, body) },
  };
}
const verify = (r: ReturnType<typeof request>) => verifyDelivery(r.raw, r.headers, opts);
const event = { schema: "2.0", header: { event_id: "e1", event_type: "x", token: TOKEN }, event: {} };
/** What Lark's console sends to check a URL: no signature headers, encrypted with the key. */
const consoleCheck = (payload: object, key = KEY) => Buffer.from(JSON.stringify({ encrypt: encryptEvent(key, JSON.stringify(payload)) }));

describe("Lark crypto", () => {
  it("decrypts Lark's published test vector", () => {
    expect(decryptEvent("test key", "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=")).toBe("hello world");
  });
});

describe("verifyDelivery: signed deliveries", () => {
  it("accepts a well-signed, fresh event with the right token", () => {
    const v = verify(request(event));
    expect(v.ok && v.kind === "delivery" && v.body).toMatchObject({ header: { event_id: "e1" } });
  });
  it("rejects a bad signature", () => expect(verify(request(event, { sig: "ab".repeat(32) }))).toMatchObject({ ok: false, status: 401, reason: "bad_signature" }));
  it("rejects another key's signature", () => expect(verify(request(event, { key: "other" }))).toMatchObject({ ok: false, status: 401, reason: "bad_signature" }));
  it("rejects a timestamp older than 5 minutes", () => expect(verify(request(event, { ts: now / 1000 - 301 }))).toMatchObject({ ok: false, reason: "stale" }));
  it("rejects a timestamp from the future too", () => expect(verify(request(event, { ts: now / 1000 + 301 }))).toMatchObject({ ok: false, reason: "stale" }));
  it("rejects a wrong verification token", () =>
    expect(verify(request({ ...event, header: { ...event.header, token: "nope" } }))).toMatchObject({ ok: false, reason: "wrong_token", message: "wrong verification token" }));
  it("rejects a request with only some of the signature headers", () => {
    const r = request(event);
    expect(verifyDelivery(r.raw, { "x-lark-signature": r.headers["x-lark-signature"] }, opts)).toMatchObject({ ok: false, status: 401, reason: "unsigned" });
  });
  it("checks the signature before parsing: a signed body that is not JSON is refused only once its signature holds", () => {
    const raw = Buffer.from("<xml/>");
    const forged = { "x-lark-request-timestamp": String(now / 1000), "x-lark-request-nonce": "n", "x-lark-signature": "0".repeat(64) };
    expect(verifyDelivery(raw, forged, opts)).toMatchObject({ ok: false, status: 401, reason: "bad_signature" });
    const signed = { ...forged, "x-lark-signature": signEvent(forged["x-lark-request-timestamp"], "n", KEY, raw) };
    expect(verifyDelivery(raw, signed, opts)).toMatchObject({ ok: false, status: 400, reason: "not_json" });
  });
  it("refuses a signed but unencrypted body when a key is set", () => {
    const body = JSON.stringify(event);
    const ts = String(now / 1000);
    expect(verifyDelivery(Buffer.from(body), { "x-lark-request-timestamp": ts, "x-lark-request-nonce": "n", "x-lark-signature": signEvent(ts, "n", KEY, body) }, opts)).toMatchObject({
      ok: false,
      reason: "not_encrypted",
    });
  });
  it("answers a signed URL challenge with the right token", () => {
    expect(verify(request({ type: "url_verification", challenge: "c", token: TOKEN }))).toEqual({ ok: true, kind: "challenge", challenge: "c" });
    expect(verify(request({ type: "url_verification", challenge: "c", token: "x" }))).toMatchObject({ ok: false, reason: "wrong_token" });
  });
});

describe("verifyDelivery: unsigned requests (only Lark's URL check)", () => {
  it("answers the console's encrypted, unsigned url_verification", () => {
    expect(verifyDelivery(consoleCheck({ challenge: "abc", token: TOKEN, type: "url_verification" }), {}, opts)).toEqual({ ok: true, kind: "challenge", challenge: "abc" });
  });
  it("refuses it with a wrong token", () => {
    expect(verifyDelivery(consoleCheck({ challenge: "abc", token: "nope", type: "url_verification" }), {}, opts)).toMatchObject({ ok: false, status: 401, reason: "wrong_token" });
  });
  it("refuses one encrypted with another key", () => {
    expect(verifyDelivery(consoleCheck({ challenge: "abc", token: TOKEN, type: "url_verification" }, "other"), {}, opts)).toMatchObject({ ok: false, status: 401, reason: "unsigned" });
  });
  it("refuses a plain challenge when an Encrypt Key is configured", () => {
    const raw = Buffer.from(JSON.stringify({ challenge: "abc", token: TOKEN, type: "url_verification" }));
    expect(verifyDelivery(raw, {}, opts)).toMatchObject({ ok: false, status: 401, reason: "not_encrypted" });
  });
  it("refuses an unsigned body that decrypts to a real event (a replayed ciphertext)", () => {
    expect(verifyDelivery(consoleCheck(event), {}, opts)).toMatchObject({ ok: false, status: 401, reason: "unsigned" });
  });
  it("refuses unsigned bodies over 4 KB without looking at them, and non-JSON", () => {
    const big = consoleCheck({ challenge: "x".repeat(5000), token: TOKEN, type: "url_verification" });
    expect(verifyDelivery(big, {}, opts)).toMatchObject({ ok: false, status: 401, reason: "unsigned" });
    expect(verifyDelivery(Buffer.from("<xml/>"), {}, opts)).toMatchObject({ ok: false, status: 401, reason: "unsigned" });
  });
  it("without an Encrypt Key, takes the plain challenge on its token alone", () => {
    const plain = { ...opts, encryptKey: "" };
    expect(verifyDelivery(Buffer.from(JSON.stringify({ challenge: "p", token: TOKEN, type: "url_verification" })), {}, plain)).toEqual({ ok: true, kind: "challenge", challenge: "p" });
    expect(verifyDelivery(Buffer.from(JSON.stringify({ challenge: "p", token: "x", type: "url_verification" })), {}, plain)).toMatchObject({ ok: false, reason: "wrong_token" });
    expect(verifyDelivery(Buffer.from("nope"), {}, plain)).toMatchObject({ ok: false, status: 400, reason: "not_json" });
  });
});

describe("storable text", () => {
  it("replaces U+0000 and lone surrogates with U+FFFD, keeps pairs (emoji) and clean text as they are", () => {
    expect(storableText("a\u0000b")).toBe("a\ufffdb");
    expect(storableText("x\ud800y\udc00z")).toBe("x\ufffdy\ufffdz");
    expect(storableText("求助😀\ud83d")).toBe("求助😀\ufffd");
    const clean = "帮助 help";
    expect(storableText(clean)).toBe(clean);
  });
  it("cleans keys and values at every level, keeps __proto__ a plain key, refuses nesting past the limit", () => {
    const parsed = JSON.parse('{"__proto__":{"k\\u0000":["\\ud800"]}}') as unknown;
    const out = storableJson(parsed)!.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"k\ufffd":["\ufffd"]}}');
    let deep: unknown = "x";
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(storableJson(deep)).toBeUndefined();
    expect(storableJson({ a: { b: [1, null, true] } })).toEqual({ value: { a: { b: [1, null, true] } } });
  });
});
