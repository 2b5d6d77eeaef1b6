// Shows in the terminal, readably, what the bot sends in the sandbox: who gets it, and the
// card's title and text (Chinese), instead of raw JSON.
import type { LarkDouble, SentMessage } from "../double/index.ts";

function textsOf(node: unknown, out: string[]): void {
  if (Array.isArray(node)) return node.forEach((n) => textsOf(n, out));
  if (!node || typeof node !== "object") return;
  const o = node as Record<string, unknown>;
  if ((o.tag === "markdown" || o.tag === "plain_text") && typeof o.content === "string") out.push(o.content);
  for (const [k, v] of Object.entries(o)) if (k !== "i18n_content" && k !== "behaviors" && typeof v === "object") textsOf(v, out);
}

export function describeMessage(m: SentMessage): { kind: string; title: string; body: string } {
  const c = m.content as Record<string, unknown>;
  if (m.msg_type === "text") return { kind: "文本", title: "", body: String(c?.text ?? "") };
  const header = c?.header as { title?: { content?: string } } | undefined;
  const lines: string[] = [];
  textsOf((c?.body as { elements?: unknown })?.elements ?? [], lines);
  return { kind: "卡片", title: header?.title?.content ?? "", body: lines.join("\n") };
}

export function printBotMessages(double: LarkDouble, write: (s: string) => void = (s) => process.stdout.write(s)): () => void {
  const name = (m: SentMessage) => {
    const openId = m.recipient_open_id ?? (m.receive_id_type === "open_id" ? m.receive_id : undefined);
    if (openId) return double.users().find((u) => u.open_id === openId)?.name ?? openId;
    return double.chats().find((c) => c.chat_id === m.chat_id)?.name ?? m.chat_id;
  };
  const show = (verb: string) => (m: SentMessage) => {
    const d = describeMessage(m);
    const body = d.body.split("\n").map((l) => `    ${l}`).join("\n");
    write(`\n\x1b[36m同心 ${verb} → ${name(m)}\x1b[0m [${d.kind}] ${d.title ? `\x1b[1m${d.title}\x1b[0m` : ""} (${m.message_id})\n${body}\n`);
  };
  const offSent = double.on("sent", show("发送"));
  const offPatched = double.on("patched", show("更新卡片"));
  return () => {
    offSent();
    offPatched();
  };
}
