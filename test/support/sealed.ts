// Tests that read rows directly see sensitive columns sealed (src/lib/sealing.ts): this opens
// them with the tests' fixed key, as the bot's stores do.
import { keyringFrom } from "../../src/lib/sealing.ts";
import { TEST_DATA_KEYS } from "./env.ts";

export const testKeyring = keyringFrom(TEST_DATA_KEYS, undefined);

/** A copy of a row of `model` with every sealed text field opened (nested rows: open them by name). */
export function opened<T extends object>(model: string, row: T): T {
  const out = { ...row } as Record<string, unknown>;
  for (const [field, value] of Object.entries(row)) {
    if (typeof value === "string" && value.startsWith("enc1:")) out[field] = testKeyring.open(`${model}.${field}`, value);
  }
  return out as T;
}

/** The rows of `model`, each opened. */
export const openedAll = <T extends object>(model: string, rows: T[]): T[] => rows.map((r) => opened(model, r));

/** A Json column kept sealed whole (a talk revision's copy, a hardship history line's changes). */
export function openedJson<T = Record<string, unknown>>(column: string, value: unknown): T {
  return (typeof value === "string" ? JSON.parse(testKeyring.open(column, value)) : value) as T;
}
