// Content checks Lark makes on sends and card updates, so a malformed message fails against
// the double the way it would fail in production rather than in front of a user.
import { larkErrors } from "./lark-errors.ts";

export const MAX_CARD_BYTES = 30 * 1024;
export const MAX_TEXT_BYTES = 150 * 1024;

const MSG_TYPES = new Set(["text", "post", "image", "file", "audio", "media", "sticker", "interactive", "share_chat", "share_user", "system"]);

/** Element tags a JSON 2.0 card body may hold (2.0 dropped 1.0's "action" and "note"). */
const CARD2_TAGS = new Set([
  "markdown", "div", "hr", "img", "img_combination", "column_set", "column", "form", "collapsible_panel",
  "interactive_container", "button", "input", "overflow", "select_static", "multi_select_static", "select_person",
  "multi_select_person", "select_img", "date_picker", "picker_time", "picker_datetime", "checker", "chart", "table",
  "person", "person_list", "avatar", "audio", "video",
]);
/** Components that submit a value with a form, and so need a `name` inside one. */
const FORM_FIELDS = new Set([
  "input", "select_static", "multi_select_static", "select_person", "multi_select_person", "select_img",
  "date_picker", "picker_time", "picker_datetime", "checker", "button",
]);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function parseObject(content: string, what: string): Json {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw larkErrors.badRequest(`content is not valid JSON for ${what}`);
  }
  if (!isObject(parsed)) throw larkErrors.badRequest(`content must be a JSON object for ${what}`);
  return parsed;
}

/** Throws the LarkApiError Lark would answer for this msg_type/content pair. */
export function validateContent(msgType: string, content: string): void {
  if (!MSG_TYPES.has(msgType)) throw larkErrors.badRequest(`unknown msg_type ${JSON.stringify(msgType)}`);
  const bytes = Buffer.byteLength(content, "utf8");
  const max = msgType === "interactive" ? MAX_CARD_BYTES : MAX_TEXT_BYTES;
  if (bytes > max) throw larkErrors.contentTooLong(bytes, max);
  const body = parseObject(content, msgType);
  if (msgType === "text" && typeof body.text !== "string") throw larkErrors.badRequest('text content needs {"text": string}');
  if (msgType === "text" && body.text === "") throw larkErrors.badRequest("text content is empty");
  if (msgType === "image" && typeof body.image_key !== "string") throw larkErrors.badRequest("image content needs image_key");
  if (msgType === "file" && typeof body.file_key !== "string") throw larkErrors.badRequest("file content needs file_key");
  if (msgType === "interactive") validateCard(body);
}

export function cardSchemaOf(content: string): "2.0" | "1.0" | "template" {
  const card = JSON.parse(content) as Json;
  if (card.type === "template") return "template";
  return card.schema === "2.0" ? "2.0" : "1.0";
}

function validateCard(card: Json): void {
  if (card.type === "template") {
    if (!isObject(card.data) || typeof card.data.template_id !== "string") throw larkErrors.badCard("template card needs data.template_id");
    return;
  }
  if (card.schema === "2.0") {
    if (isObject(card.config) && card.config.update_multi === false) throw larkErrors.badCard("JSON 2.0 cards only support config.update_multi: true");
    if (!isObject(card.body) || !Array.isArray(card.body.elements)) throw larkErrors.badCard("JSON 2.0 card needs body.elements");
    walk(card.body.elements, "body.elements", { v2: true, formName: undefined, names: undefined });
    if (card.body.elements.filter((e) => isObject(e) && e.tag === "table").length > 5) throw larkErrors.badCard("a card holds at most five tables");
    return;
  }
  if (card.schema !== undefined) throw larkErrors.badCard(`unknown card schema ${JSON.stringify(card.schema)}`);
  if (!Array.isArray(card.elements) && !isObject(card.i18n_elements)) throw larkErrors.badCard("card needs elements (1.0) or schema 2.0 with body");
  if (Array.isArray(card.elements)) walk(card.elements, "elements", { v2: false, formName: undefined, names: undefined });
}

interface WalkState {
  v2: boolean;
  formName: string | undefined;
  names: Set<string> | undefined;
}

function walk(elements: unknown[], path: string, state: WalkState): void {
  elements.forEach((el, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(el) || typeof el.tag !== "string") throw larkErrors.badCard(`${at} has no tag`);
    const tag = el.tag;
    if (state.v2 && !CARD2_TAGS.has(tag)) throw larkErrors.badCard(`${at}: tag "${tag}" is not a JSON 2.0 card component`);
    if (state.names && FORM_FIELDS.has(tag)) {
      if (typeof el.name !== "string" || el.name === "") throw larkErrors.badCard(`${at}: "${tag}" inside form "${state.formName}" needs a name`);
      if (state.names.has(el.name)) throw larkErrors.badCard(`${at}: name "${el.name}" is used twice in form "${state.formName}"`);
      state.names.add(el.name);
    }
    if (tag === "table") {
      checkTable(el, at, path);
      return;
    }
    let inner = state;
    if (tag === "form") {
      if (state.names) throw larkErrors.badCard(`${at}: forms cannot be nested`);
      if (typeof el.name !== "string" || el.name === "") throw larkErrors.badCard(`${at}: form needs a name`);
      inner = { ...state, formName: el.name, names: new Set() };
    }
    if (Array.isArray(el.elements)) walk(el.elements, `${at}.elements`, inner);
    if (Array.isArray(el.columns)) walk(el.columns, `${at}.columns`, inner);
    if (Array.isArray(el.actions)) walk(el.actions, `${at}.actions`, inner);
  });
}

/** Column data types a table cell may hold. */
const TABLE_TYPES = new Set(["text", "lark_md", "markdown", "number", "options", "persons", "date"]);

/**
 * Lark's table: only at the card's root (not in a column, form or panel), columns that each name
 * the row key they show (not components, so not walked as elements), rows as objects, a page of
 * 1–10 rows. The five-tables-a-card limit is checked with the body.
 */
function checkTable(el: Json, at: string, path: string): void {
  if (path !== "body.elements" && path !== "elements") throw larkErrors.badCard(`${at}: a table can only be placed at the card's root`);
  if (!Array.isArray(el.columns) || el.columns.length === 0) throw larkErrors.badCard(`${at}: table needs columns`);
  if (el.columns.length > 50) throw larkErrors.badCard(`${at}: a table has at most 50 columns`);
  const names = new Set<string>();
  el.columns.forEach((c, i) => {
    if (!isObject(c) || typeof c.name !== "string" || c.name === "") throw larkErrors.badCard(`${at}.columns[${i}] needs a name`);
    if (names.has(c.name)) throw larkErrors.badCard(`${at}.columns[${i}]: column name "${c.name}" is used twice`);
    names.add(c.name);
    if (c.data_type !== undefined && !TABLE_TYPES.has(String(c.data_type))) throw larkErrors.badCard(`${at}.columns[${i}]: unknown data_type ${JSON.stringify(c.data_type)}`);
  });
  if (!Array.isArray(el.rows) || el.rows.some((r) => !isObject(r))) throw larkErrors.badCard(`${at}: table rows must be objects`);
  if (el.page_size !== undefined && !(Number.isInteger(el.page_size) && (el.page_size as number) >= 1 && (el.page_size as number) <= 10)) {
    throw larkErrors.badCard(`${at}: page_size must be an integer from 1 to 10`);
  }
}

/**
 * A card update (PATCH or a callback's returned card). `viaPatch` adds PATCH's own rule: only
 * shared cards (update_multi; implicit in 2.0) can be updated through the API.
 */
export function validateCardUpdate(oldContent: string, newContent: string, viaPatch: boolean): void {
  validateContent("interactive", newContent);
  const before = cardSchemaOf(oldContent);
  const after = cardSchemaOf(newContent);
  if (before === "2.0" && after === "1.0") throw larkErrors.badCard("a JSON 2.0 card cannot be replaced by a 1.0 card");
  if (viaPatch && after === "1.0") {
    const config = (JSON.parse(newContent) as Json).config;
    if (!isObject(config) || config.update_multi !== true) {
      throw larkErrors.badCard("only shared cards can be updated: set config.update_multi to true");
    }
  }
}
