// Authenticated encryption of values at rest (AES-256-GCM). A sealed text is stored in the same
// column as the plain text it replaces, as `enc1:<keyId>:<base64(iv | ciphertext | tag)>`, so no
// schema change is needed and the key a value was sealed with travels with it (keys rotate:
// `npm run keys:rotate`). Sealed bytes carry the same parts behind a binary header.
//
// The column's name ("Talk.thinking") is the associated data: a value copied into another column
// does not open there, so a sealed note cannot be passed off as a different field.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

const PREFIX = "enc1:";
/** "ENC1" then one byte of key id length: the header of sealed bytes. */
const BYTES_MAGIC = Buffer.from("ENC1", "latin1");
const IV_LENGTH = 12; // 96 bits: GCM's native nonce size
const TAG_LENGTH = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** A value that does not open: wrong key, wrong column, or altered. The message names the key id, never the value. */
export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealError";
  }
}

export class Keyring {
  readonly #keys: ReadonlyMap<string, Buffer>;
  /** The key new values are sealed with; the others only open values sealed before a rotation. */
  readonly currentId: string;

  constructor(keys: ReadonlyMap<string, Buffer>, currentId: string) {
    for (const [id, key] of keys) {
      if (!KEY_ID.test(id)) throw new SealError(`数据密钥编号「${id}」只能包含字母、数字、-、_ (data key id "${id}": letters, digits, - and _ only)`);
      if (key.length !== 32) throw new SealError(`数据密钥「${id}」必须是 32 字节 (data key "${id}" must be 32 bytes, base64-encoded)`);
    }
    if (!keys.has(currentId)) throw new SealError(`DATA_KEY_ID「${currentId}」不在 DATA_KEYS 中 (DATA_KEY_ID "${currentId}" is not one of DATA_KEYS)`);
    this.#keys = keys;
    this.currentId = currentId;
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  /** Seals a text for `column` ("Model.field") under the current key; null stays null. */
  seal(column: string, plain: string): string;
  seal(column: string, plain: string | null): string | null;
  seal(column: string, plain: string | null): string | null {
    if (plain === null) return null;
    return `${PREFIX}${this.currentId}:${this.#encrypt(this.currentId, column, Buffer.from(plain, "utf8")).toString("base64")}`;
  }

  /**
   * Opens a sealed text. A value without the prefix is text written before sealing began and is
   * returned as it is: `npm run keys:rotate` seals it.
   */
  open(column: string, stored: string): string;
  open(column: string, stored: string | null): string | null;
  open(column: string, stored: string | null): string | null {
    if (stored === null || !stored.startsWith(PREFIX)) return stored;
    const colon = stored.indexOf(":", PREFIX.length);
    if (colon < 0) throw new SealError(`${column}: 密文格式不对 (malformed sealed value)`);
    const keyId = stored.slice(PREFIX.length, colon);
    return this.#decrypt(keyId, column, Buffer.from(stored.slice(colon + 1), "base64")).toString("utf8");
  }

  sealBytes(column: string, plain: Uint8Array): Uint8Array<ArrayBuffer>;
  sealBytes(column: string, plain: Uint8Array | null): Uint8Array<ArrayBuffer> | null;
  sealBytes(column: string, plain: Uint8Array | null): Uint8Array<ArrayBuffer> | null {
    if (plain === null) return null;
    const id = Buffer.from(this.currentId, "latin1");
    return copy(Buffer.concat([BYTES_MAGIC, Buffer.from([id.length]), id, this.#encrypt(this.currentId, column, Buffer.from(plain))]));
  }

  /** Opens sealed bytes; bytes without the header were stored before sealing began. */
  openBytes(column: string, stored: Uint8Array): Uint8Array<ArrayBuffer>;
  openBytes(column: string, stored: Uint8Array | null): Uint8Array<ArrayBuffer> | null;
  openBytes(column: string, stored: Uint8Array | null): Uint8Array<ArrayBuffer> | null {
    if (stored === null) return null;
    const buf = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    if (!isSealedBytes(buf)) return copy(buf);
    const [keyId, packed] = splitBytes(buf);
    return copy(this.#decrypt(keyId, column, packed));
  }


  /**
   * A keyed digest of `value` for `purpose` (HMAC-SHA256 under a key derived from the current data
   * key with HKDF, the purpose as its info): equal values give equal digests, so it dedupes, but
   * nobody without the data key can compute one from a candidate value. A rotation changes it.
   */
  digest(purpose: string, value: string): string {
    const key = Buffer.from(hkdfSync("sha256", this.#key(this.currentId), Buffer.alloc(0), `tongxin digest: ${purpose}`, 32));
    return `hk1:${this.currentId}:${createHmac("sha256", key).update(value, "utf8").digest("base64url")}`;
  }

  #encrypt(keyId: string, column: string, plain: Buffer): Buffer {
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv("aes-256-gcm", this.#key(keyId), iv);
    cipher.setAAD(Buffer.from(column, "utf8"));
    return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  }

  #decrypt(keyId: string, column: string, packed: Buffer): Buffer {
    if (packed.length < IV_LENGTH + TAG_LENGTH) throw new SealError(`${column}: 密文过短 (sealed value too short)`);
    const decipher = createDecipheriv("aes-256-gcm", this.#key(keyId), packed.subarray(0, IV_LENGTH));
    decipher.setAAD(Buffer.from(column, "utf8"));
    decipher.setAuthTag(packed.subarray(packed.length - TAG_LENGTH));
    try {
      return Buffer.concat([decipher.update(packed.subarray(IV_LENGTH, packed.length - TAG_LENGTH)), decipher.final()]);
    } catch {
      throw new SealError(`${column}: 用数据密钥「${keyId}」无法解开，密钥不对或数据被改动 (does not open with data key "${keyId}": wrong key, or the value was altered)`);
    }
  }

  #key(keyId: string): Buffer {
    const key = this.#keys.get(keyId);
    if (!key) throw new SealError(`未配置数据密钥「${keyId}」：请把它加入 DATA_KEYS (data key "${keyId}" is not configured: add it to DATA_KEYS)`);
    return key;
  }
}

/** The key id a stored text or bytes value was sealed with; undefined for a plain value. */
export function sealedKeyId(stored: string | Uint8Array | null): string | undefined {
  if (stored === null) return undefined;
  if (typeof stored === "string") {
    if (!stored.startsWith(PREFIX)) return undefined;
    const colon = stored.indexOf(":", PREFIX.length);
    return colon < 0 ? undefined : stored.slice(PREFIX.length, colon);
  }
  const buf = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  return isSealedBytes(buf) ? splitBytes(buf)[0] : undefined;
}

/** Prisma's Bytes columns take and give a Uint8Array over its own ArrayBuffer. */
function copy(buf: Buffer): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(buf.length);
  out.set(buf);
  return out;
}

function isSealedBytes(buf: Buffer): boolean {
  return buf.length > BYTES_MAGIC.length + 1 && buf.subarray(0, BYTES_MAGIC.length).equals(BYTES_MAGIC);
}

function splitBytes(buf: Buffer): [string, Buffer] {
  const idLength = buf[BYTES_MAGIC.length]!;
  const idStart = BYTES_MAGIC.length + 1;
  return [buf.subarray(idStart, idStart + idLength).toString("latin1"), buf.subarray(idStart + idLength)];
}

/**
 * Reads `DATA_KEYS` ("k2026a:<base64 of 32 bytes>,k2025:<…>") and `DATA_KEY_ID` into a keyring;
 * throws a SealError naming what is wrong (never the key itself).
 */
export function keyringFrom(dataKeys: string, currentId: string | undefined): Keyring {
  const keys = new Map<string, Buffer>();
  for (const part of dataKeys.split(",").map((p) => p.trim()).filter(Boolean)) {
    const colon = part.indexOf(":");
    if (colon <= 0) throw new SealError("DATA_KEYS 的格式是「编号:base64密钥,编号:base64密钥」(DATA_KEYS is \"id:<base64 key>,id:<base64 key>\")");
    keys.set(part.slice(0, colon), Buffer.from(part.slice(colon + 1), "base64"));
  }
  const first = keys.keys().next().value;
  if (first === undefined) throw new SealError("DATA_KEYS 为空 (DATA_KEYS is empty)");
  return new Keyring(keys, currentId ?? first);
}

/** A fresh key in the DATA_KEYS form: `<id>:<base64 of 32 random bytes>`. */
export function newDataKey(id: string): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}
