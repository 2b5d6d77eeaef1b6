// Lark's event crypto, used by the webhook (verify, decrypt) and by the Lark double
// (encrypt, sign). AES-256-CBC with key = SHA-256(encrypt key) and the IV as the first
// 16 bytes of the decoded payload; signature = hex SHA-256(timestamp + nonce + key + body).
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";

const keyCache = new Map<string, Buffer>();
function aesKey(encryptKey: string): Buffer {
  let key = keyCache.get(encryptKey);
  if (!key) {
    key = createHash("sha256").update(encryptKey).digest();
    keyCache.set(encryptKey, key);
  }
  return key;
}

export function encryptEvent(encryptKey: string, plaintext: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", aesKey(encryptKey), iv);
  return Buffer.concat([iv, cipher.update(plaintext, "utf8"), cipher.final()]).toString("base64");
}

/** Throws on malformed input (bad base64, bad padding): callers turn that into a 400/401. */
export function decryptEvent(encryptKey: string, encrypted: string): string {
  const data = Buffer.from(encrypted, "base64");
  if (data.length < 32 || data.length % 16 !== 0) throw new Error("encrypted payload has a bad length");
  const decipher = createDecipheriv("aes-256-cbc", aesKey(encryptKey), data.subarray(0, 16));
  return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]).toString("utf8");
}

export function signEvent(timestamp: string, nonce: string, encryptKey: string, body: string | Buffer): string {
  return createHash("sha256").update(timestamp + nonce + encryptKey).update(body).digest("hex");
}

export function signatureMatches(expectedHex: string, givenHex: string): boolean {
  if (expectedHex.length !== givenHex.length) return false;
  return timingSafeEqual(Buffer.from(expectedHex), Buffer.from(givenHex));
}
