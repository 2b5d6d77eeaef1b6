// Lark's long-connection frame, `pbbp2.Frame`, as the SDK's WSClient encodes it (the schema is
// compiled into @larksuiteoapi/node-sdk's lib bundle): a protobuf message with
//   1 SeqID uint64, 2 LogID uint64, 3 service int32, 4 method int32 (0 control, 1 data),
//   5 headers repeated Header {1 key string, 2 value string}, 6 payloadEncoding string,
//   7 payloadType string, 8 payload bytes, 9 LogIDNew string.
// Written by hand (varints and length-delimited fields are all it takes) so the double depends on
// the wire format, not on the SDK's generated code it is meant to check.

export const FrameMethod = { control: 0, data: 1 } as const;

export interface FrameHeader {
  key: string;
  value: string;
}

export interface Frame {
  SeqID: number;
  LogID: number;
  service: number;
  method: number;
  headers: FrameHeader[];
  payloadEncoding?: string;
  payloadType?: string;
  payload?: Uint8Array;
  LogIDNew?: string;
}

export class FrameError extends Error {}

function varint(value: bigint): Buffer {
  const bytes: number[] = [];
  // int32 fields carry negative numbers as 64-bit two's complement, as protobuf does.
  let v = BigInt.asUintN(64, value);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    bytes.push(b);
  } while (v > 0n);
  return Buffer.from(bytes);
}

const tag = (field: number, wireType: 0 | 2) => varint(BigInt((field << 3) | wireType));
const varintField = (field: number, value: number) => Buffer.concat([tag(field, 0), varint(BigInt(value))]);
const bytesField = (field: number, bytes: Uint8Array) => Buffer.concat([tag(field, 2), varint(BigInt(bytes.length)), bytes]);
const stringField = (field: number, s: string) => bytesField(field, Buffer.from(s, "utf8"));

export function encodeFrame(frame: Frame): Buffer {
  const parts = [varintField(1, frame.SeqID), varintField(2, frame.LogID), varintField(3, frame.service), varintField(4, frame.method)];
  for (const h of frame.headers) parts.push(bytesField(5, Buffer.concat([stringField(1, h.key), stringField(2, h.value)])));
  if (frame.payloadEncoding !== undefined) parts.push(stringField(6, frame.payloadEncoding));
  if (frame.payloadType !== undefined) parts.push(stringField(7, frame.payloadType));
  if (frame.payload !== undefined) parts.push(bytesField(8, frame.payload));
  if (frame.LogIDNew !== undefined) parts.push(stringField(9, frame.LogIDNew));
  return Buffer.concat(parts);
}

class Reader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.buf.length) throw new FrameError("truncated varint");
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
    }
    throw new FrameError("varint longer than 10 bytes");
  }
  bytes(): Uint8Array {
    const len = Number(this.varint());
    if (this.pos + len > this.buf.length) throw new FrameError("length-delimited field runs past the frame");
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 2) this.bytes();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 5) this.pos += 4;
    else throw new FrameError(`unsupported wire type ${wireType}`);
  }
}

const text = (b: Uint8Array) => Buffer.from(b).toString("utf8");
const int32 = (v: bigint) => Number(BigInt.asIntN(32, v));

function decodeHeader(buf: Uint8Array): FrameHeader {
  const r = new Reader(buf);
  const h: FrameHeader = { key: "", value: "" };
  while (!r.done) {
    const t = Number(r.varint());
    if (t >>> 3 === 1 && (t & 7) === 2) h.key = text(r.bytes());
    else if (t >>> 3 === 2 && (t & 7) === 2) h.value = text(r.bytes());
    else r.skip(t & 7);
  }
  return h;
}

/** Decodes a frame; throws FrameError when it is not one (the SDK's decoder requires fields 1-4 too). */
export function decodeFrame(buf: Uint8Array): Frame {
  const r = new Reader(buf);
  const seen = new Set<number>();
  const f: Frame = { SeqID: 0, LogID: 0, service: 0, method: 0, headers: [] };
  while (!r.done) {
    const t = Number(r.varint());
    const field = t >>> 3;
    const wire = t & 7;
    seen.add(field);
    if (field === 1 && wire === 0) f.SeqID = Number(r.varint());
    else if (field === 2 && wire === 0) f.LogID = Number(r.varint());
    else if (field === 3 && wire === 0) f.service = int32(r.varint());
    else if (field === 4 && wire === 0) f.method = int32(r.varint());
    else if (field === 5 && wire === 2) f.headers.push(decodeHeader(r.bytes()));
    else if (field === 6 && wire === 2) f.payloadEncoding = text(r.bytes());
    else if (field === 7 && wire === 2) f.payloadType = text(r.bytes());
    else if (field === 8 && wire === 2) f.payload = r.bytes();
    else if (field === 9 && wire === 2) f.LogIDNew = text(r.bytes());
    else r.skip(wire);
  }
  for (const [n, name] of [[1, "SeqID"], [2, "LogID"], [3, "service"], [4, "method"]] as const) {
    if (!seen.has(n)) throw new FrameError(`missing required '${name}'`);
  }
  return f;
}

export function headerOf(frame: Frame, key: string): string | undefined {
  return frame.headers.find((h) => h.key === key)?.value;
}
