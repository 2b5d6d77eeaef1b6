// The sandbox's card renderer, in Node: what each element turns into, and that nothing it
// does not know is ever blank or a crash.
import { describe, expect, it } from "vitest";
import { button, card, columns, datePicker, form, hr, input, md, note, plain, select, t } from "../../cards/kit.ts";
import { renderCard, renderText } from "../../src/sandbox/page/render-card.ts";
import { findAll, textOf, toHtml, type VElement } from "../../src/sandbox/page/vnode.ts";

const cls = (e: VElement) => String(e.attrs.class ?? "").split(" ");
const byClass = (node: VElement, c: string) => findAll(node, (e) => cls(e).includes(c));
const byTag = (node: VElement, tag: string) => findAll(node, (e) => e.tag === tag);

describe("renderCard", () => {
  it("shows the header title in Chinese with the template's colour, and the subtitle", () => {
    const { node, unknown } = renderCard(card({ title: t("帮扶申请", "Aid request"), subtitle: t("待审批", "pending"), template: "orange", elements: [] }));
    expect(unknown).toEqual([]);
    const header = byClass(node, "card-header")[0]!;
    expect(cls(header)).toContain("tpl-orange");
    expect(textOf(byClass(node, "card-title")[0]!)).toBe("帮扶申请");
    expect(textOf(byClass(node, "card-subtitle")[0]!)).toBe("待审批");
  });

  it("shows English where the card has it when asked for en_us, Chinese by default", () => {
    const c = card({ title: t("欢迎", "Welcome"), elements: [md(t("您好", "Hello")), { tag: "plain_text", ...plain(t("纯文本", "plain")) }] });
    expect(textOf(renderCard(c).node)).toContain("您好");
    const en = textOf(renderCard(c, { locale: "en_us" }).node);
    expect(en).toContain("Welcome");
    expect(en).toContain("Hello");
    expect(en).toContain("plain");
    expect(en).not.toContain("您好");
  });

  it("renders markdown bold, line breaks, safe links and lists, and never raw HTML", () => {
    const { node } = renderCard(
      card({
        title: t("x", "x"),
        elements: [md(t("**张三**，您好\n第二行 [查看](https://example.com/a) [坏](javascript:alert(1))\n- 一\n- 二\n<script>alert(1)</script>", "en"))],
      }),
    );
    expect(textOf(byTag(node, "strong")[0]!)).toBe("张三");
    expect(byTag(node, "br").length).toBeGreaterThanOrEqual(1);
    const links = byTag(node, "a");
    expect(links).toHaveLength(1);
    expect(links[0]!.attrs.href).toBe("https://example.com/a");
    expect(byTag(node, "li").map(textOf)).toEqual(["一", "二"]);
    const html = toHtml(node);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("[坏](javascript:alert(1))");
  });

  it("renders notation text small, plain_text from content, hr, and images as a placeholder box", () => {
    const { node, unknown } = renderCard(
      card({
        title: t("x", "x"),
        elements: [note(t("小字", "small")), hr(), { tag: "img", img_key: "img_v2_abc", alt: plain(t("合影", "photo")) }],
      }),
    );
    expect(unknown).toEqual([]);
    expect(cls(byClass(node, "el-markdown")[0]!)).toContain("ts-notation");
    expect(byClass(node, "el-hr")).toHaveLength(1);
    const img = byClass(node, "el-img")[0]!;
    expect(textOf(img)).toContain("合影");
    expect(textOf(img)).toContain("img_v2_abc");
    expect(byTag(node, "img")).toHaveLength(0);
  });

  it("lays out column_set columns by weight", () => {
    const { node } = renderCard(card({ title: t("x", "x"), elements: [columns([[md(t("左", "l"))], [md(t("右", "r"))]])] }));
    const cols = byClass(node, "el-column");
    expect(cols.map(textOf)).toEqual(["左", "右"]);
    expect(cols[0]!.attrs.style).toBe("flex:1 1 0");
  });

  it("gives a button its callback value, type, and confirmation", () => {
    const b = button({ text: t("批准", "Approve"), action: "aid.approve", value: { r: 7 }, type: "primary_filled", confirm: { title: t("确认", "Sure?"), text: t("不可更改", "final") } });
    const { node } = renderCard(card({ title: t("x", "x"), elements: [b] }));
    const el = byTag(node, "button")[0]!;
    expect(textOf(el)).toBe("批准");
    expect(JSON.parse(String(el.attrs["data-cb"]))).toEqual({ a: "aid.approve", r: 7 });
    expect(el.attrs["data-cb-tag"]).toBe("button");
    expect(cls(el)).toContain("btn-primary_filled");
    expect(JSON.parse(String(el.attrs["data-confirm"]))).toEqual({ title: "确认", text: "不可更改" });
    expect(el.attrs["data-form-action"]).toBeUndefined();
  });

  it("renders a form: multiline and single-line inputs, select with its initial option, date picker, submit button", () => {
    const f = form("aid_request", [
      select({ name: "category", placeholder: t("类别", "kind"), initial: "MEDICAL", options: [{ value: "LIVING", text: t("生活", "living") }, { value: "MEDICAL", text: t("医疗", "medical") }] }),
      input({ name: "description", label: t("情况说明", "what"), multiline: true, required: true, maxLength: 500 }),
      input({ name: "amount", label: t("金额", "amount"), defaultValue: "2000" }),
      datePicker({ name: "on", placeholder: t("日期", "date"), initial: "2026-09-25" }),
      button({ text: t("提交", "Submit"), action: "aid.submit", name: "submit", submit: true, type: "primary_filled" }),
    ]);
    const { node, unknown } = renderCard(card({ title: t("x", "x"), elements: [f] }));
    expect(unknown).toEqual([]);
    const formEl = byTag(node, "form")[0]!;
    expect(formEl.attrs["data-form-name"]).toBe("aid_request");
    const textarea = byTag(formEl, "textarea")[0]!;
    expect(textarea.attrs.name).toBe("description");
    expect(textarea.attrs["data-required"]).toBe("true");
    expect(textarea.attrs.maxlength).toBe(500);
    // Inside a form the controls do not call back on their own.
    expect(textarea.attrs["data-cb"]).toBeUndefined();
    const inputs = byTag(formEl, "input");
    expect(inputs.find((i) => i.attrs.name === "amount")!.attrs.value).toBe("2000");
    const date = inputs.find((i) => i.attrs.name === "on")!;
    // A text field in ISO order, as Lark sends the value: a date input would follow the browser's locale (12/03/2026).
    expect(date.attrs).toMatchObject({ type: "text", placeholder: "YYYY-MM-DD", value: "2026-09-25", "data-picker": "date_picker" });
    expect(new RegExp(`^(?:${String(date.attrs.pattern)})$`).test("2026-09-25")).toBe(true);
    expect(new RegExp(`^(?:${String(date.attrs.pattern)})$`).test("09/25/2026")).toBe(false);
    const options = byTag(formEl, "option");
    expect(options.find((o) => o.attrs.selected === true)!.attrs.value).toBe("MEDICAL");
    const submit = byTag(formEl, "button")[0]!;
    expect(submit.attrs["data-form-action"]).toBe("submit");
    expect(submit.attrs["data-name"]).toBe("submit");
    expect(JSON.parse(String(submit.attrs["data-cb"]))).toEqual({ a: "aid.submit" });
  });

  it("makes a select outside a form call back on change", () => {
    const { node } = renderCard(card({ title: t("x", "x"), elements: [select({ name: "s", placeholder: t("选", "pick"), options: [{ value: "a", text: t("甲", "a") }] })] }));
    const sel = byTag(node, "select")[0]!;
    expect(sel.attrs["data-cb"]).toBe("{}");
    expect(sel.attrs["data-cb-tag"]).toBe("select_static");
  });

  it("shows a visible placeholder naming an unknown tag, and reports where it is", () => {
    const c = card({ title: t("x", "x"), elements: [md(t("前", "before")), { tag: "chart", chart_spec: {} }, columns([[{ tag: "audio", file_key: "f" }]])] });
    const { node, unknown } = renderCard(c);
    expect(unknown).toEqual([
      { tag: "chart", path: "body.elements[1]", reason: expect.any(String) },
      { tag: "audio", path: "body.elements[2].columns[0].elements[0]", reason: expect.any(String) },
    ]);
    const ph = byClass(node, "unknown-element");
    expect(ph.map((p) => p.attrs["data-unknown-tag"])).toEqual(["chart", "audio"]);
    expect(textOf(ph[0]!)).toContain("chart");
    expect(textOf(node)).toContain("前");
  });

  it("never throws on malformed cards; each bad part becomes a placeholder", () => {
    const bad: unknown[] = [
      null,
      42,
      "card",
      { type: "template", data: { template_id: "x" } },
      { schema: "2.0", body: { elements: [null, 3, { notag: true }, { tag: "markdown", content: 5 }, { tag: "column_set", columns: [7, { tag: "column", elements: "x" }] }] } },
      { schema: "2.0", header: { title: 3, template: "nope" }, body: {} },
      { schema: "2.0", body: { elements: [{ tag: "form", elements: [{ tag: "form", elements: [] }] }] } },
    ];
    for (const c of bad) {
      const r = renderCard(c);
      expect(toHtml(r.node)).toMatch(/^<div class="lark-card/);
    }
    const r = renderCard(bad[4]);
    expect(r.unknown.map((u) => u.tag)).toEqual(["object", "number", "(no tag)", "number"]);
    expect(renderCard(bad[6]).unknown.map((u) => u.tag)).toEqual(["form"]);
    expect(renderCard(bad[3]).unknown.map((u) => u.tag)).toEqual(["template"]);
  });
});

describe("renderText", () => {
  it("keeps lines and shows the bot mention by name", () => {
    const nodes = renderText({ text: "@_user_1 帮助\n第二行" });
    expect(nodes.map((n) => (typeof n === "string" ? n : `<${n.tag}>`)).join("")).toBe("@同心 帮助<br>第二行");
  });
});
