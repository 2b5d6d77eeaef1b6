// The part of Lark's card markdown the bot's cards use, turned into nodes (never raw HTML):
// **bold**, *italic*, ~~strike~~, [links](https://…), `code`, <font color>, <text_tag>, <at>,
// <br>, headings, lists, --- rules and ``` blocks. Anything else stays as the text it is.
import { h, type VNode } from "./vnode.ts";

const INLINE =
  /\\([\\*_~`[\]()<>#-])|\*\*(?<bold>.+?)\*\*|~~(?<del>.+?)~~|\*(?<em>[^*\s](?:.*?[^*\s])?)\*|\[(?<ltext>[^\]]+)\]\((?<lurl>[^)\s]+)\)|`(?<code>[^`]+)`|<font\s+color=['"]?(?<fcolor>[a-z_-]+)['"]?\s*>(?<ftext>.*?)<\/font>|<text_tag\s+color=['"]?(?<tcolor>[a-z_-]+)['"]?\s*>(?<ttext>.*?)<\/text_tag>|<at\s+(?:id|user_id|open_id|email)=['"]?(?<at>[^'">\s]+)['"]?\s*>\s*<\/at>|(?<br><br\s*\/?>)/gs;

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&nbsp;": "\u00a0", "&quot;": '"', "&#39;": "'" };
const decode = (s: string) => s.replace(/&(?:lt|gt|amp|nbsp|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** Links the page may open; anything else (javascript:, data:) is shown as text. */
export function safeUrl(url: string): string | undefined {
  return /^(https?:|mailto:|lark:|feishu:)/i.test(url.trim()) ? url.trim() : undefined;
}

const cssColour = (c: string) => c.replace(/[^a-z-]/gi, "");

export function inline(text: string): VNode[] {
  const out: VNode[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(decode(text.slice(last, at)));
    last = at + m[0].length;
    const g = m.groups ?? {};
    if (m[1] !== undefined) out.push(m[1]);
    else if (g.bold !== undefined) out.push(h("strong", {}, inline(g.bold)));
    else if (g.del !== undefined) out.push(h("del", {}, inline(g.del)));
    else if (g.em !== undefined) out.push(h("em", {}, inline(g.em)));
    else if (g.ltext !== undefined && g.lurl !== undefined) {
      const url = safeUrl(g.lurl);
      out.push(url ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, inline(g.ltext)) : m[0]);
    } else if (g.code !== undefined) out.push(h("code", {}, g.code));
    else if (g.ftext !== undefined) out.push(h("span", { class: `fc-${cssColour(g.fcolor ?? "default")}` }, inline(g.ftext)));
    else if (g.ttext !== undefined) out.push(h("span", { class: `text-tag tt-${cssColour(g.tcolor ?? "neutral")}` }, inline(g.ttext)));
    else if (g.at !== undefined) out.push(h("span", { class: "mention" }, g.at === "all" ? "@所有人" : `@${g.at}`));
    else if (g.br !== undefined) out.push(h("br"));
  }
  if (last < text.length) out.push(decode(text.slice(last)));
  return out;
}

/** Block structure: paragraphs (lines joined by <br>), headings, lists, rules, code blocks. */
export function markdown(content: string): VNode[] {
  const lines = content.replace(/\r\n?/g, "\n").split("\n");
  const out: VNode[] = [];
  let para: VNode[] = [];
  let list: { ordered: boolean; items: VNode[] } | undefined;
  const flushPara = () => {
    if (para.length > 0) out.push(h("p", {}, para));
    para = [];
  };
  const flushList = () => {
    if (list) out.push(h(list.ordered ? "ol" : "ul", {}, list.items));
    list = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trimStart().startsWith("```")) {
      flushPara();
      flushList();
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? "").trimStart().startsWith("```"); i++) code.push(lines[i] ?? "");
      out.push(h("pre", {}, h("code", {}, code.join("\n"))));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (/^\s*(-{3,}|<hr\s*\/?>)\s*$/.test(line)) {
      flushPara();
      flushList();
      out.push(h("hr", { class: "md-hr" }));
    } else if (heading) {
      flushPara();
      flushList();
      out.push(h("div", { class: `md-h md-h${heading[1]!.length}` }, inline(heading[2] ?? "")));
    } else if (bullet || numbered) {
      flushPara();
      const ordered = !bullet;
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push(h("li", {}, inline((bullet ?? numbered)![1] ?? "")));
    } else if (line.trim() === "") {
      flushList();
      if (para.length > 0) flushPara();
      else if (out.length > 0 && i < lines.length - 1) out.push(h("div", { class: "md-gap" }));
    } else {
      flushList();
      if (para.length > 0) para.push(h("br"));
      para.push(...inline(line));
    }
  }
  flushPara();
  flushList();
  return out;
}
