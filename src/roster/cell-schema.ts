// The building blocks of the row schemas (rows.ts, history-cells.ts): a cell parser lifted into
// zod, and the rules every optional column follows (absent column, empty cell, a value).
import { z } from "zod";
import { cellText, splitList, type CellRead } from "./cells.ts";
import type { Cell } from "./parse.ts";

export type Input = Cell | undefined;

/** Lifts a cell parser into zod: a failed parse becomes an issue carrying its Chinese message. */
export function cell<T>(parse: (c: Input) => CellRead<T>) {
  // optional(): an absent column is a missing key, which the parser still sees (as undefined).
  return z.custom<Input>().optional().transform((c, ctx): T => {
    const r = parse(c);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.message, input: c });
    return z.NEVER;
  });
}

export const ok = <T>(value: T): CellRead<T> => ({ ok: true, value });

/** `undefined` for an absent column, `null` for an empty cell, else the parser's result. */
export function optional<T>(parse: (text: string, c: Cell) => CellRead<T>) {
  return (c: Input): CellRead<T | null | undefined> => {
    if (c === undefined) return ok(undefined);
    const text = cellText(c);
    return text === "" ? ok(null) : parse(text, c);
  };
}

/** `null` for an absent column or an empty cell. */
export function given<T>(parse: (text: string) => CellRead<T>) {
  return (c: Input): CellRead<T | null> => {
    const text = cellText(c);
    return text === "" ? ok(null) : parse(text);
  };
}

export function required(label: string, max: number) {
  return (c: Input): CellRead<string> => {
    const text = cellText(c);
    if (text === "") return { ok: false, message: `${label}不能为空` };
    return text.length > max ? { ok: false, message: `${label}太长（不超过${max}个字）` } : ok(text);
  };
}

export const limited = (label: string, max: number) => (text: string): CellRead<string> =>
  text.length > max ? { ok: false, message: `${label}太长（不超过${max}个字）` } : ok(text);

export function names<T>(label: string, table: Map<string, T>, hint: string) {
  return (text: string): CellRead<T[]> => {
    const out: T[] = [];
    const unknown: string[] = [];
    for (const n of splitList(text)) {
      const v = table.get(n);
      if (v === undefined) unknown.push(n);
      else if (!out.includes(v)) out.push(v);
    }
    if (unknown.length > 0) return { ok: false, message: `${label}“${unknown.join("、")}”无法识别，可填：${hint}` };
    return ok(out);
  };
}
