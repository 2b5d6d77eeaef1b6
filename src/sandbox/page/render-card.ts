// Renders a Lark card (JSON 2.0) as a node tree, the way the Lark client shows it, closely
// enough to try the bot's flows. Pure: runs in Node (tests) and in the sandbox page alike.
//
// Interactive parts carry what the page needs to make a real callback as data attributes:
//   data-cb       JSON of the callback value (the component calls back when used)
//   data-cb-tag   the component's tag, as Lark sends it in action.tag
//   data-name     the component's name
//   data-form-action  "submit" | "reset" on form buttons
//   data-confirm  JSON {title, text} of a confirmation the user must accept first
//   data-url      the address of an open_url behaviour
// Anything the renderer does not know becomes a visible placeholder naming its tag, and is
// reported in `unknown`, so a test can tell a card that renders fully from one that does not.
import { inline, markdown, safeUrl } from "./markdown.ts";
import { h, type VElement, type VNode } from "./vnode.ts";

export type Locale = "zh_cn" | "en_us";
export interface RenderOptions {
  /** Which text to show: `content`/zh_cn (default), or the English i18n text where a card has it. */
  locale?: Locale;
  /** Names for open_ids (mentions, person components); the id is shown when absent. */
  personName?: (openId: string) => string | undefined;
  /** Where the picture behind an img_key is read (the double's copy); a placeholder is drawn without it. */
  imageUrl?: (imgKey: string) => string;
}
export interface Unknown {
  tag: string;
  /** Where in the card, e.g. body.elements[2].columns[0].elements[1]. */
  path: string;
  reason: string;
}
export interface RenderResult {
  node: VElement;
  unknown: Unknown[];
}

interface Ctx {
  opts: RenderOptions;
  unknown: Unknown[];
  inForm: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const TEMPLATES = ["blue", "wathet", "turquoise", "green", "yellow", "orange", "red", "carmine", "violet", "purple", "indigo", "grey", "default"] as const;
const TEXT_SIZES = new Set([
  "heading-0", "heading-1", "heading-2", "heading-3", "heading-4", "heading", "normal", "notation",
  "xxxx-large", "xxx-large", "xx-large", "x-large", "large", "medium", "small", "x-small",
]);
const BUTTON_TYPES = new Set(["default", "primary", "danger", "text", "primary_text", "danger_text", "primary_filled", "danger_filled", "laser"]);

/** The text of a plain_text / lark_md object (or a bare string) in the wanted locale. */
function textContent(v: unknown, ctx: Ctx): string {
  if (typeof v === "string") return v;
  if (!isObj(v)) return "";
  const i18n = isObj(v.i18n_content) ? v.i18n_content : undefined;
  if (ctx.opts.locale === "en_us" && typeof i18n?.en_us === "string") return i18n.en_us;
  return str(v.content) ?? str(i18n?.zh_cn) ?? str(v.text) ?? "";
}

/** A text object as nodes: lark_md/markdown is parsed, plain_text is kept as it is. */
function textNodes(v: unknown, ctx: Ctx): VNode[] {
  const content = textContent(v, ctx);
  if (isObj(v) && (v.tag === "lark_md" || v.tag === "markdown")) return inline(mentionNames(content, ctx));
  return plainLines(content);
}

function plainLines(content: string): VNode[] {
  const out: VNode[] = [];
  content.split("\n").forEach((line, i) => {
    if (i > 0) out.push(h("br"));
    if (line) out.push(line);
  });
  return out;
}

function mentionNames(content: string, ctx: Ctx): string {
  if (!ctx.opts.personName) return content;
  return content.replace(/<at\s+(?:id|user_id|open_id)=['"]?([^'">\s]+)['"]?\s*>\s*<\/at>/g, (m, id: string) => {
    const name = id === "all" ? undefined : ctx.opts.personName!(id);
    return name ? `<at id=${name}></at>` : m;
  });
}

function sizeClass(v: unknown): string {
  const s = str(v);
  return s && TEXT_SIZES.has(s) ? `ts-${s}` : "ts-normal";
}
function alignClass(v: unknown): string {
  const s = str(v);
  return s === "center" || s === "right" ? `ta-${s}` : "";
}
const classes = (...c: (string | false | undefined)[]) => c.filter(Boolean).join(" ");
const json = (v: unknown) => JSON.stringify(v);

function callbackOf(el: Obj): Obj | undefined {
  for (const b of list(el.behaviors)) {
    if (isObj(b) && b.type === "callback") return isObj(b.value) ? b.value : {};
  }
  // JSON 1.0 put the callback value on the component itself.
  if (isObj(el.value)) return el.value;
  return undefined;
}
function openUrlOf(el: Obj): string | undefined {
  for (const b of list(el.behaviors)) {
    if (isObj(b) && b.type === "open_url") return safeUrl(str(b.default_url) ?? str(b.pc_url) ?? "") ?? undefined;
  }
  if (typeof el.url === "string") return safeUrl(el.url);
  if (isObj(el.multi_url)) return safeUrl(str(el.multi_url.url) ?? str(el.multi_url.pc_url) ?? "");
  return undefined;
}
function confirmOf(el: Obj, ctx: Ctx): string | undefined {
  if (!isObj(el.confirm)) return undefined;
  return json({ title: textContent(el.confirm.title, ctx), text: textContent(el.confirm.text, ctx) });
}

/** The interaction attributes of a component that calls back when used (outside a form). */
function interaction(el: Obj, ctx: Ctx, tag: string, defaultCallback: boolean): VElement["attrs"] {
  if (ctx.inForm) return { "data-name": str(el.name) };
  const cb = callbackOf(el) ?? (defaultCallback ? {} : undefined);
  return {
    "data-cb": cb ? json(cb) : undefined,
    "data-cb-tag": cb ? tag : undefined,
    "data-name": str(el.name),
    "data-confirm": confirmOf(el, ctx),
  };
}

function placeholder(tag: string, path: string, reason: string, ctx: Ctx): VElement {
  ctx.unknown.push({ tag, path, reason });
  return h(
    "div",
    { class: "unknown-element", "data-unknown-tag": tag, title: reason },
    h("span", { class: "unknown-icon" }, "⚠"),
    ` 未支持的组件 Unsupported element: `,
    h("code", {}, tag),
  );
}

type ElementRenderer = (el: Obj, ctx: Ctx, path: string) => VNode;

const RENDERERS: Record<string, ElementRenderer> = {
  markdown(el, ctx) {
    return h(
      "div",
      { class: classes("el-markdown", sizeClass(el.text_size), alignClass(el.text_align)) },
      markdown(mentionNames(textContent(el, ctx), ctx)),
    );
  },
  plain_text(el, ctx) {
    return h(
      "div",
      { class: classes("el-plain", sizeClass(el.text_size), alignClass(el.text_align), typeof el.text_color === "string" && `fc-${el.text_color.replace(/[^a-z-]/gi, "")}`) },
      plainLines(textContent(el, ctx)),
    );
  },
  div(el, ctx) {
    const text = isObj(el.text) ? el.text : undefined;
    const fields = list(el.fields).filter(isObj);
    return h(
      "div",
      { class: classes("el-div", text && sizeClass(text.text_size), text && alignClass(text.text_align)) },
      text ? h("div", { class: "div-text" }, textNodes(text, ctx)) : null,
      fields.length > 0
        ? h("div", { class: "div-fields" }, fields.map((f) => h("div", { class: f.is_short ? "field short" : "field" }, textNodes(f.text, ctx))))
        : null,
    );
  },
  hr() {
    return h("hr", { class: "el-hr" });
  },
  img(el, ctx) {
    const alt = textContent(el.alt, ctx);
    const title = textContent(el.title, ctx);
    const key = str(el.img_key);
    if (key && ctx.opts.imageUrl) {
      return h("div", { class: "el-img", role: "img", "aria-label": alt || "图片" }, h("img", { class: "el-img-pic", src: ctx.opts.imageUrl(key), alt: alt || "图片" }), title ? h("div", { class: "img-title" }, title) : null);
    }
    return h(
      "div",
      { class: "el-img", role: "img", "aria-label": alt || "图片" },
      h("div", { class: "img-box" }, h("span", { class: "img-icon" }, "🖼"), h("span", {}, alt || "图片 Image"), h("small", {}, str(el.img_key) ?? "")),
      title ? h("div", { class: "img-title" }, title) : null,
    );
  },
  img_combination(el) {
    const imgs = list(el.img_list).filter(isObj);
    return h(
      "div",
      { class: "el-img-combination" },
      imgs.map((i) => h("div", { class: "img-box small" }, h("span", { class: "img-icon" }, "🖼"), h("small", {}, str(i.img_key) ?? ""))),
    );
  },
  column_set(el, ctx, path) {
    const cols = list(el.columns);
    return h(
      "div",
      { class: classes("el-columns", `flex-${str(el.flex_mode) ?? "none"}`, isObj(el) && el.background_style === "grey" && "bg-grey") },
      cols.map((c, i) => {
        const p = `${path}.columns[${i}]`;
        if (!isObj(c) || (c.tag !== undefined && c.tag !== "column")) return placeholder(isObj(c) ? String(c.tag) : typeof c, p, "a column_set holds column elements", ctx);
        return RENDERERS.column!(c, ctx, p);
      }),
    );
  },
  column(el, ctx, path) {
    const width = str(el.width) ?? "auto";
    const weight = Math.max(1, Math.min(5, Number(el.weight) || 1));
    const px = /^(\d{1,4})px$/.exec(width);
    const style = width === "weighted" ? `flex:${weight} 1 0` : px ? `flex:0 0 ${px[1]}px` : "flex:0 0 auto";
    const valign = str(el.vertical_align);
    return h(
      "div",
      { class: classes("el-column", valign === "center" && "va-center", valign === "bottom" && "va-bottom", el.background_style === "grey" && "bg-grey"), style },
      renderElements(el.elements, ctx, `${path}.elements`),
    );
  },
  collapsible_panel(el, ctx, path) {
    const header = isObj(el.header) ? el.header : {};
    return h(
      "details",
      { class: "el-collapsible", open: el.expanded === true },
      h("summary", {}, textNodes(header.title, ctx)),
      h("div", { class: "collapsible-body" }, renderElements(el.elements, ctx, `${path}.elements`)),
    );
  },
  interactive_container(el, ctx, path) {
    const cb = callbackOf(el);
    const url = openUrlOf(el);
    return h(
      "div",
      {
        class: "el-interactive",
        "data-cb": cb ? json(cb) : undefined,
        "data-cb-tag": cb ? "interactive_container" : undefined,
        "data-url": url,
        "data-confirm": confirmOf(el, ctx),
        tabindex: cb || url ? 0 : undefined,
      },
      renderElements(el.elements, ctx, `${path}.elements`),
    );
  },
  form(el, ctx, path) {
    if (ctx.inForm) return placeholder("form", path, "a form cannot hold another form", ctx);
    const inner: Ctx = { ...ctx, inForm: true };
    return h("form", { class: "el-form", "data-form-name": str(el.name) ?? "", novalidate: true }, renderElements(el.elements, inner, `${path}.elements`));
  },
  button(el, ctx) {
    const type = str(el.type) ?? "default";
    const formAction = ctx.inForm ? str(el.form_action_type) : undefined;
    const cb = callbackOf(el);
    const url = openUrlOf(el);
    return h(
      "button",
      {
        type: "button",
        class: classes("el-button", `btn-${BUTTON_TYPES.has(type) ? type : "default"}`, `btn-${str(el.size) ?? "medium"}`, el.width === "fill" && "btn-fill"),
        disabled: el.disabled === true,
        "data-cb": cb || formAction === "submit" ? json(cb ?? {}) : undefined,
        "data-cb-tag": "button",
        "data-name": str(el.name),
        "data-form-action": formAction === "submit" || formAction === "reset" ? formAction : undefined,
        "data-confirm": confirmOf(el, ctx),
        "data-url": url,
      },
      textNodes(el.text ?? "按钮", ctx),
    );
  },
  input(el, ctx) {
    const multiline = el.input_type === "multiline_text";
    const name = str(el.name) ?? "";
    const label = textContent(el.label, ctx);
    const attrs = {
      name,
      class: "field-control",
      placeholder: textContent(el.placeholder, ctx) || (ctx.opts.locale === "en_us" ? "Enter" : "请输入"),
      maxlength: typeof el.max_length === "number" ? el.max_length : undefined,
      disabled: el.disabled === true,
      "data-required": el.required === true ? "true" : undefined,
      ...interaction(el, ctx, "input", true),
    };
    const control = multiline
      ? h("textarea", { ...attrs, rows: typeof el.rows === "number" ? el.rows : 3 }, str(el.default_value) ?? "")
      : h("input", { ...attrs, type: el.input_type === "password" ? "password" : "text", value: str(el.default_value) });
    return h(
      "label",
      { class: classes("el-input", el.label_position === "left" && "label-left") },
      label ? h("span", { class: "field-label" }, el.required === true ? h("span", { class: "req" }, "*") : null, label) : null,
      control,
    );
  },
  select_static(el, ctx) {
    return selectOf(el, ctx, false);
  },
  multi_select_static(el, ctx) {
    return selectOf(el, ctx, true);
  },
  overflow(el, ctx) {
    const options = list(el.options).filter(isObj);
    return h(
      "select",
      { class: "el-overflow", ...interaction(el, ctx, "overflow", true), "aria-label": "更多 More" },
      h("option", { value: "", selected: true, disabled: true }, "⋯"),
      options.map((o) => h("option", { value: str(o.value) ?? "" }, textContent(o.text, ctx))),
    );
  },
  date_picker(el, ctx) {
    return pickerOf(el, ctx, "date", str(el.initial_date));
  },
  picker_time(el, ctx) {
    return pickerOf(el, ctx, "time", str(el.initial_time));
  },
  picker_datetime(el, ctx) {
    return pickerOf(el, ctx, "datetime-local", str(el.initial_datetime));
  },
  checker(el, ctx) {
    return h(
      "label",
      { class: "el-checker" },
      h("input", { type: "checkbox", name: str(el.name), checked: el.checked === true, disabled: el.disabled === true, ...interaction(el, ctx, "checker", false) }),
      h("span", {}, textNodes(el.text, ctx)),
    );
  },
  person(el, ctx) {
    const id = str(el.user_id) ?? "";
    return h("span", { class: "el-person" }, `👤 ${ctx.opts.personName?.(id) ?? id}`);
  },
  person_list(el, ctx) {
    const people = list(el.persons).filter(isObj);
    return h("div", { class: "el-person-list" }, people.map((p) => h("span", { class: "el-person" }, `👤 ${ctx.opts.personName?.(str(p.id) ?? "") ?? str(p.id) ?? ""}`)));
  },
  table(el, ctx) {
    const columns = list(el.columns).filter(isObj);
    const rows = list(el.rows).filter(isObj);
    // A card not yet drawn in one language carries the English side as i18n_ siblings (cards/kit.ts table).
    const side = (obj: Obj, key: string): unknown => {
      const i18n = obj[`i18n_${key}`];
      return ctx.opts.locale === "en_us" && isObj(i18n) && i18n.en_us !== undefined ? i18n.en_us : obj[key];
    };
    const cell = (col: Obj, row: Obj): VNode[] => {
      const v = side(row, str(col.name) ?? "");
      if (v === undefined || v === null) return [];
      if (col.data_type === "lark_md" || col.data_type === "markdown") return inline(String(v));
      if (col.data_type === "options")
        return list(v).filter(isObj).map((o) => h("span", { class: `text-tag tt-${(str(o.color) ?? "neutral").replace(/[^a-z-]/gi, "")}` }, str(o.text) ?? ""));
      if (col.data_type === "persons") return [list(v).map((p) => `@${ctx.opts.personName?.(String(p)) ?? String(p)}`).join(" ")];
      if (col.data_type === "date" && typeof v === "number") return [new Date(v).toISOString().slice(0, 10)];
      return [typeof v === "object" ? JSON.stringify(v) : String(v)];
    };
    return h(
      "div",
      { class: "el-table" },
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, columns.map((c) => h("th", { class: alignClass(c.horizontal_align) }, str(side(c, "display_name")) ?? str(c.name) ?? "")))),
        h("tbody", {}, rows.map((r) => h("tr", {}, columns.map((c) => h("td", { class: alignClass(c.horizontal_align) }, cell(c, r)))))),
      ),
    );
  },
};

function selectOf(el: Obj, ctx: Ctx, multiple: boolean): VNode {
  const options = list(el.options).filter(isObj);
  const initial = multiple ? list(el.selected_values).map(String) : [str(el.initial_option)].filter((x): x is string => !!x);
  return h(
    "label",
    { class: classes("el-select", multiple && "el-multi") },
    multiple ? h("span", { class: "picker-placeholder" }, textContent(el.placeholder, ctx) || (ctx.opts.locale === "en_us" ? "Select (several allowed)" : "请选择（可多选）")) : null,
    h(
      "select",
      {
        name: str(el.name),
        class: "field-control",
        multiple,
        size: multiple ? Math.min(Math.max(options.length, 2), 5) : undefined,
        disabled: el.disabled === true,
        "data-required": el.required === true ? "true" : undefined,
        ...interaction(el, ctx, multiple ? "multi_select_static" : "select_static", true),
      },
      multiple ? null : h("option", { value: "", disabled: true, selected: initial.length === 0 }, textContent(el.placeholder, ctx) || (ctx.opts.locale === "en_us" ? "Select" : "请选择")),
      options.map((o) => {
        const value = str(o.value) ?? "";
        return h("option", { value, selected: initial.includes(value) }, textContent(o.text, ctx));
      }),
    ),
  );
}

/**
 * Pickers are text fields written as Lark sends their values (2026-03-10, 09:30,
 * 2026-03-10 09:30): the browser's own date inputs follow its locale (12/03/2026).
 */
const PICKER_FORMATS = {
  date: { tag: "date_picker", pattern: "\\d{4}-\\d{2}-\\d{2}", hint: "YYYY-MM-DD" },
  time: { tag: "picker_time", pattern: "\\d{2}:\\d{2}", hint: "HH:MM" },
  "datetime-local": { tag: "picker_datetime", pattern: "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}", hint: "YYYY-MM-DD HH:MM" },
} as const;

function pickerOf(el: Obj, ctx: Ctx, type: keyof typeof PICKER_FORMATS, initial: string | undefined): VNode {
  const { tag, pattern, hint } = PICKER_FORMATS[type];
  return h(
    "label",
    { class: "el-picker" },
    h("span", { class: "picker-placeholder" }, textContent(el.placeholder, ctx)),
    h("input", {
      type: "text",
      inputmode: "numeric",
      pattern,
      placeholder: hint,
      name: str(el.name),
      class: "field-control",
      value: initial,
      disabled: el.disabled === true,
      "data-required": el.required === true ? "true" : undefined,
      "data-picker": tag,
      ...interaction(el, ctx, tag, true),
    }),
  );
}

function renderElement(el: unknown, ctx: Ctx, path: string): VNode {
  if (!isObj(el) || typeof el.tag !== "string") return placeholder(isObj(el) ? "(no tag)" : typeof el, path, "not an element", ctx);
  const render = Object.hasOwn(RENDERERS, el.tag) ? RENDERERS[el.tag] : undefined;
  if (!render) return placeholder(el.tag, path, "the sandbox does not render this tag", ctx);
  try {
    return render(el, ctx, path);
  } catch (err) {
    return placeholder(el.tag, path, `could not render: ${err instanceof Error ? err.message : String(err)}`, ctx);
  }
}

function renderElements(elements: unknown, ctx: Ctx, path: string): VNode[] {
  return list(elements).map((e, i) => renderElement(e, ctx, `${path}[${i}]`));
}

function renderHeader(header: Obj, ctx: Ctx): VElement {
  const template = str(header.template);
  const tpl = template && (TEMPLATES as readonly string[]).includes(template) ? template : "default";
  const tags = list(header.text_tag_list).filter(isObj);
  return h(
    "div",
    { class: `card-header tpl-${tpl}` },
    h(
      "div",
      { class: "card-title" },
      textNodes(header.title, ctx),
      tags.map((t) => h("span", { class: `text-tag tt-${(str(t.color) ?? "neutral").replace(/[^a-z-]/gi, "")}` }, textContent(t.text, ctx))),
    ),
    header.subtitle ? h("div", { class: "card-subtitle" }, textNodes(header.subtitle, ctx)) : null,
  );
}

/** Renders a card; `unknown` lists every element that fell back to the placeholder. */
export function renderCard(card: unknown, opts: RenderOptions = {}): RenderResult {
  const ctx: Ctx = { opts, unknown: [], inForm: false };
  if (!isObj(card)) return { node: h("div", { class: "lark-card" }, placeholder(typeof card, "card", "not a card object", ctx)), unknown: ctx.unknown };
  if (card.type === "template") {
    const node = h("div", { class: "lark-card" }, placeholder("template", "card", "template cards are rendered by Lark from the template id", ctx));
    return { node, unknown: ctx.unknown };
  }
  const body = isObj(card.body) ? card.body : undefined;
  // JSON 1.0 cards keep their elements at the root.
  const elements = body ? body.elements : card.elements;
  const path = body ? "body.elements" : "elements";
  const node = h(
    "div",
    { class: classes("lark-card", isObj(card.config) && card.config.width_mode === "fill" && "card-fill"), "data-schema": str(card.schema) ?? "1.0" },
    isObj(card.header) ? renderHeader(card.header, ctx) : null,
    h("div", { class: "card-body" }, renderElements(elements, ctx, path)),
  );
  return { node, unknown: ctx.unknown };
}

/** A text message's content ({"text": …}) as nodes: lines kept, mentions shown by name. */
export function renderText(content: unknown, opts: RenderOptions = {}): VNode[] {
  const text = isObj(content) ? (str(content.text) ?? "") : typeof content === "string" ? content : "";
  const named = text
    .replace(/@_user_\d+/g, "@同心")
    .replace(/<at\s+(?:user_id|open_id|id)=['"]?([^'">\s]+)['"]?\s*>(.*?)<\/at>/g, (_m, id: string, name: string) =>
      id === "all" ? "@所有人" : `@${name || opts.personName?.(id) || id}`,
    );
  return plainLines(named);
}
