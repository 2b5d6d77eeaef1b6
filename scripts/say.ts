// Talk to the sandbox bot as any demo user: `npm run say -- 张三 帮助`.
// Sends through the Lark double's control API and prints what the bot answers.
import { describeMessage } from "../src/sandbox/printer.ts";
import type { DoubleUser, SentMessage } from "../src/double/index.ts";

const base = process.env.LARK_DOUBLE_URL ?? `http://127.0.0.1:${process.env.LARK_DOUBLE_PORT ?? 3100}`;
const [who, ...words] = process.argv.slice(2);
const text = words.join(" ");
if (!who || !text) {
  process.stderr.write("用法 usage: npm run say -- <姓名|open_id> <消息>   e.g. npm run say -- 张三 帮助\n");
  process.exit(2);
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${base}/_double${path}`, { ...init, headers: { "content-type": "application/json" } });
  } catch {
    process.stderr.write(`无法连接飞书替身 ${base}。先运行 npm start（沙盒模式）。\nCannot reach the Lark double at ${base}: run npm start first.\n`);
    process.exit(1);
  }
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) {
    process.stderr.write(`${res.status}: ${body.error ?? JSON.stringify(body)}\n`);
    process.exit(1);
  }
  return body;
}

const users = await call<DoubleUser[]>("/users");
const user = users.find((u) => u.name === who || u.open_id === who);
if (!user) {
  process.stderr.write(`没有名为「${who}」的用户。可选 known users: ${users.map((u) => u.name).join("、")}\n`);
  process.exit(1);
}
const since = Date.now();
const said = await call<{ messageId: string; status: number }>("/say", { method: "POST", body: JSON.stringify({ from: user.open_id, text }) });
process.stdout.write(`${user.name}: ${text}   (HTTP ${said.status})\n`);

// Wait briefly for the answer(s) and print them.
const deadline = Date.now() + 5000;
let seen = 0;
while (Date.now() < deadline) {
  const msgs = (await call<SentMessage[]>(`/messages?to=${encodeURIComponent(user.open_id)}&since=${since}`)).slice(seen);
  for (const m of msgs) {
    const d = describeMessage(m);
    process.stdout.write(`同心 [${d.kind}] ${d.title}\n${d.body.split("\n").map((l) => `  ${l}`).join("\n")}\n`);
  }
  seen += msgs.length;
  if (seen > 0 && Date.now() > since + 1500) break;
  await new Promise((r) => setTimeout(r, 200));
}
if (seen === 0) process.stdout.write("（5 秒内没有回复 no answer within 5 s）\n");
