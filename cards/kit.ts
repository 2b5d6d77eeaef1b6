// Small builders for Lark card JSON 2.0. Every text carries both sides: Chinese as the content,
// English in i18n_content; at delivery the card is drawn in the reader's language only
// (cards/localise.ts), since the person's stored choice wins over their Lark client's locale.
// Templates in this folder are typed functions from data to a card; nothing here does I/O.

// Text has one home (src/domain/text.ts); the templates import it from here with the builders.
import type { Text } from "../src/domain/text.ts";
export type { Text };
export const t = (zh: string, en: string): Text => ({ zh, en });

export type Colour = "blue" | "wathet" | "turquoise" | "green" | "yellow" | "orange" | "red" | "carmine" | "violet" | "purple" | "indigo" | "grey";

export type Element = Record<string, unknown> & { tag: string };
export interface Card {
  schema: "2.0";
  config: { update_multi: true; locales?: string[] };
  header: { title: Record<string, unknown>; subtitle?: Record<string, unknown>; template: Colour };
  body: { elements: Element[] };
}

function i18n(text: Text): { content: string; i18n_content: { zh_cn: string; en_us: string } } {
  return { content: text.zh, i18n_content: { zh_cn: text.zh, en_us: text.en } };
}

export function plain(text: Text): Record<string, unknown> {
  return { tag: "plain_text", ...i18n(text) };
}

export function card(opts: { title: Text; subtitle?: Text; template?: Colour; elements: Element[] }): Card {
  return {
    schema: "2.0",
    config: { update_multi: true },
    header: {
      title: plain(opts.title),
      ...(opts.subtitle ? { subtitle: plain(opts.subtitle) } : {}),
      template: opts.template ?? "blue",
    },
    body: { elements: opts.elements },
  };
}

export const md = (text: Text): Element => ({ tag: "markdown", ...i18n(text) });
export const hr = (): Element => ({ tag: "hr" });
export const note = (text: Text): Element => ({ tag: "markdown", text_size: "notation", ...i18n(text) });

/** A button whose click calls back with `{a: actionId, ...value}`; the router reads `a`. */
export function button(opts: {
  text: Text;
  action: string;
  value?: Record<string, string | number | boolean>;
  type?: "primary" | "default" | "danger" | "primary_filled" | "laser";
  name?: string;
  submit?: boolean;
  confirm?: { title: Text; text: Text };
}): Element {
  return {
    tag: "button",
    text: plain(opts.text),
    type: opts.type ?? "default",
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.submit ? { form_action_type: "submit" } : {}),
    ...(opts.confirm ? { confirm: { title: plain(opts.confirm.title), text: plain(opts.confirm.text) } } : {}),
    behaviors: [{ type: "callback", value: { a: opts.action, ...(opts.value ?? {}) } }],
  };
}

export function columns(cols: Element[][], opts: { flex?: "none" | "bisect" | "trisect" } = {}): Element {
  return {
    tag: "column_set",
    flex_mode: opts.flex ?? "bisect",
    columns: cols.map((elements) => ({ tag: "column", width: "weighted", weight: 1, elements })),
  };
}

export interface TableColumn {
  name: string;
  title: Text;
  align?: "left" | "center" | "right";
  /** "auto", a pixel width ("96px") or a share ("30%"). */
  width?: string;
}

/**
 * A JSON 2.0 table: text cells, one row object per line. Lark allows it only at the card's root
 * (not in a column or form), at most five to a card and ten rows to a page. Its column names and
 * cells have no i18n of their own, so the English side travels as `i18n_display_name` and
 * `i18n_<column>` siblings, which cards/localise.ts turns into the reader's side before Lark
 * sees the card.
 */
export function table(opts: { columns: TableColumn[]; rows: Record<string, Text>[]; pageSize?: number }): Element {
  const locale = (x: Text) => ({ zh_cn: x.zh, en_us: x.en });
  return {
    tag: "table",
    page_size: Math.min(10, Math.max(1, opts.pageSize ?? opts.rows.length)),
    row_height: "low",
    freeze_first_column: true,
    header_style: { text_align: "left", text_size: "normal", background_style: "grey", bold: true, lines: 1 },
    columns: opts.columns.map((c) => ({
      name: c.name,
      display_name: c.title.zh,
      i18n_display_name: locale(c.title),
      data_type: "text",
      width: c.width ?? "auto",
      horizontal_align: c.align ?? "left",
    })),
    rows: opts.rows.map((r) => Object.fromEntries(Object.entries(r).flatMap(([k, v]) => [[k, v.zh], [`i18n_${k}`, locale(v)]]))),
  };
}

export function form(name: string, elements: Element[]): Element {
  return { tag: "form", name, elements };
}

export function input(opts: { name: string; label: Text; placeholder?: Text; required?: boolean; multiline?: boolean; maxLength?: number; defaultValue?: string }): Element {
  return {
    tag: "input",
    name: opts.name,
    label: plain(opts.label),
    label_position: "top",
    ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
    required: opts.required ?? false,
    ...(opts.multiline ? { input_type: "multiline_text", rows: 3 } : {}),
    ...(opts.maxLength ? { max_length: opts.maxLength } : {}),
    ...(opts.defaultValue !== undefined ? { default_value: opts.defaultValue } : {}),
  };
}

export function select(opts: { name: string; placeholder: Text; options: { value: string; text: Text }[]; required?: boolean; initial?: string }): Element {
  return {
    tag: "select_static",
    name: opts.name,
    placeholder: plain(opts.placeholder),
    required: opts.required ?? false,
    ...(opts.initial ? { initial_option: opts.initial } : {}),
    options: opts.options.map((o) => ({ text: plain(o.text), value: o.value })),
  };
}

export function datePicker(opts: { name: string; placeholder: Text; required?: boolean; initial?: string }): Element {
  return {
    tag: "date_picker",
    name: opts.name,
    placeholder: plain(opts.placeholder),
    required: opts.required ?? false,
    ...(opts.initial ? { initial_date: opts.initial } : {}),
  };
}
