// The page's two doors: its own elements by id, and the sandbox API on the bot's server.
import type { VNode } from "./vnode.ts";

const API = "/sandbox/api";
export const API_BASE = API;

/** A picture or file the double keeps (what people sent, what the bot uploaded). */
export const resourceUrl = (key: string): string => `${API}/resource/${encodeURIComponent(key)}`;

/** The stream of live events (messages, clock moves) the server pushes to every open page. */
export const STREAM_URL = `${API}/stream`;

export const $ = <T extends HTMLElement = HTMLElement>(id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the page`);
  return el as T;
};

/** GET path, or POST body to it; a refusal becomes an Error carrying the server's reason. */
export async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${API}${path}`, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const data = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(data.error ?? `${res.status} ${res.statusText}`);
  return data;
}

/** The card renderer's virtual nodes as DOM nodes. */
export function toDom(node: VNode): Node {
  if (typeof node === "string") return document.createTextNode(node);
  const el = document.createElement(node.tag);
  for (const [k, v] of Object.entries(node.attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of node.children) el.appendChild(toDom(c));
  return el;
}
