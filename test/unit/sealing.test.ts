// Sealing at rest: values open only with their key, in their column, unaltered; old keys still
// open what they sealed, and an unknown key id is an error that names it.
import { describe, expect, it } from "vitest";
import { Keyring, keyringFrom, newDataKey, SealError, sealedKeyId } from "../../src/lib/sealing.ts";

const k2025 = newDataKey("k2025");
const k2026 = newDataKey("k2026a");
const ring = keyringFrom(`${k2026},${k2025}`, "k2026a");
const NOTE = "他说最近母亲住院，心里很乱";

describe("sealing", () => {
  it("round-trips text and bytes, with the key id in the stored value", () => {
    const sealed = ring.seal("Talk.thinking", NOTE);
    expect(sealed).toMatch(/^enc1:k2026a:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain(NOTE);
    expect(ring.open("Talk.thinking", sealed)).toBe(NOTE);
    expect(ring.seal("Talk.thinking", NOTE)).not.toBe(sealed); // a fresh IV every time
    const bytes = new TextEncoder().encode("%PDF-1.7 住院发票");
    const box = ring.sealBytes("AidAttachment.bytes", bytes);
    expect(Buffer.from(box).includes(Buffer.from(bytes))).toBe(false);
    expect(sealedKeyId(box)).toBe("k2026a");
    expect(Buffer.from(ring.openBytes("AidAttachment.bytes", box)).equals(Buffer.from(bytes))).toBe(true);
    expect(ring.seal("Talk.thinking", null)).toBeNull();
  });

  it("refuses a wrong key under the same id", () => {
    const other = keyringFrom(newDataKey("k2026a"), "k2026a");
    expect(() => other.open("Talk.thinking", ring.seal("Talk.thinking", NOTE))).toThrow(/k2026a/);
  });

  it("refuses a value copied into another column", () => {
    expect(() => ring.open("Talk.concerns", ring.seal("Talk.thinking", NOTE))).toThrow(SealError);
    expect(() => ring.openBytes("ExportFile.bytes", ring.sealBytes("AidAttachment.bytes", new Uint8Array([1, 2, 3])))).toThrow(SealError);
  });

  it("refuses a tampered byte", () => {
    const sealed = ring.seal("Talk.thinking", NOTE);
    const packed = Buffer.from(sealed.slice("enc1:k2026a:".length), "base64");
    packed[14] = packed[14]! ^ 1;
    expect(() => ring.open("Talk.thinking", `enc1:k2026a:${packed.toString("base64")}`)).toThrow(/被改动|altered/);
  });

  it("opens values sealed with an older key that is still configured", () => {
    const old = keyringFrom(k2025, "k2025").seal("AidRequest.description", NOTE);
    expect(sealedKeyId(old)).toBe("k2025");
    expect(ring.open("AidRequest.description", old)).toBe(NOTE);
  });

  it("names an unknown key id, and checks the configuration", () => {
    const lost = keyringFrom(newDataKey("k2019"), "k2019").seal("Talk.thinking", NOTE);
    expect(() => ring.open("Talk.thinking", lost)).toThrow(/k2019.*DATA_KEYS/);
    expect(() => keyringFrom(k2026, "k9")).toThrow(/DATA_KEY_ID/);
    expect(() => keyringFrom("k1:c2hvcnQ=", undefined)).toThrow(/32/);
    expect(() => new Keyring(new Map([["bad id", Buffer.alloc(32)]]), "bad id")).toThrow(SealError);
  });

  it("passes through text stored before sealing began (keys:rotate seals it)", () => {
    expect(ring.open("Talk.thinking", "旧的明文")).toBe("旧的明文");
    expect(sealedKeyId("旧的明文")).toBeUndefined();
  });
});
