// How a request of any kind (aid, training support, commendation, question) is named to people.
// Numbers come from one yearly sequence (2026-0012); a request filed before its kind was
// numbered keeps the "#id" its member was told then, and is still found by it.

/** "2026-0012", or "#7" for a request without a number. */
export function requestLabel(r: { number: string | null; id: number }): string {
  return r.number ?? `#${r.id}`;
}

/** The id in an old "#7" label (half- or full-width); null when the word is not one. */
export function parseIdLabel(raw: string): number | null {
  const m = /^[#＃]([0-9０-９]{1,9})$/.exec(raw.trim());
  if (!m) return null;
  const id = Number(m[1]!.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return id > 0 ? id : null;
}
