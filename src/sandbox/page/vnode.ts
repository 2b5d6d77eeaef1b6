// A tiny DOM-free node tree: the card renderer builds it in Node (tests turn it into an HTML
// string) and the page turns it into DOM nodes. Text is always a text node, never parsed as
// HTML, so nothing a card says can inject markup into the page.

export type VNode = string | VElement;
export interface VElement {
  tag: string;
  attrs: Record<string, string | number | boolean | undefined>;
  children: VNode[];
}

export function h(tag: string, attrs: VElement["attrs"] = {}, ...children: (VNode | VNode[] | null | undefined | false)[]): VElement {
  const flat: VNode[] = [];
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) flat.push(...c);
    else flat.push(c);
  }
  return { tag, attrs, children: flat };
}

const VOID = new Set(["br", "hr", "img", "input"]);

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;");
}

export function toHtml(node: VNode): string {
  if (typeof node === "string") return escapeText(node);
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeAttr(String(v))}"`))
    .join("");
  if (VOID.has(node.tag)) return `<${node.tag}${attrs}>`;
  return `<${node.tag}${attrs}>${node.children.map(toHtml).join("")}</${node.tag}>`;
}

/** The text a node shows, for tests and for the terminal. */
export function textOf(node: VNode): string {
  if (typeof node === "string") return node;
  if (node.tag === "br") return "\n";
  return node.children.map(textOf).join("");
}

/** Every element in the tree for which `pred` holds. */
export function findAll(node: VNode, pred: (e: VElement) => boolean, out: VElement[] = []): VElement[] {
  if (typeof node === "string") return out;
  if (pred(node)) out.push(node);
  for (const c of node.children) findAll(c, pred, out);
  return out;
}
