// Runs the Lark double on its own, for the sandbox or manual poking:
//   npx tsx scripts/lark-double.ts --port 3100 --bot http://127.0.0.1:3000
// Credentials come from LARK_APP_ID, LARK_APP_SECRET, LARK_ENCRYPT_KEY and
// LARK_VERIFICATION_TOKEN, defaulting to the sandbox ones the bot uses when no app is set.
// Prints every message the bot sends or updates. Drive it with curl (docs/lark-double.md).
import { parseArgs } from "node:util";
import { SANDBOX_LARK } from "../src/config.ts";
import { startLarkDouble, type SentMessage } from "../src/double/index.ts";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: process.env.LARK_DOUBLE_PORT ?? "3100" },
    host: { type: "string", default: "127.0.0.1" },
    bot: { type: "string" },
    "events-path": { type: "string", default: "/lark/events" },
    "cards-path": { type: "string", default: "/lark/cards" },
    "events-url": { type: "string" },
    "cards-url": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (args.help) {
  console.log(`usage: tsx scripts/lark-double.ts [--port 3100] [--host 127.0.0.1]
  [--bot http://127.0.0.1:3000 [--events-path /lark/events] [--cards-path /lark/cards]]
  [--events-url URL] [--cards-url URL]`);
  process.exit(0);
}

const env = (name: string, fallback: string) => process.env[name] || fallback;
const bot = args.bot?.replace(/\/+$/, "");
const eventsUrl = args["events-url"] ?? (bot ? bot + args["events-path"] : undefined);
const cardsUrl = args["cards-url"] ?? (bot ? bot + args["cards-path"] : undefined);

const double = await startLarkDouble({
  port: Number(args.port),
  host: args.host,
  appId: env("LARK_APP_ID", SANDBOX_LARK.appId),
  appSecret: env("LARK_APP_SECRET", SANDBOX_LARK.appSecret),
  encryptKey: env("LARK_ENCRYPT_KEY", SANDBOX_LARK.encryptKey),
  verificationToken: env("LARK_VERIFICATION_TOKEN", SANDBOX_LARK.verificationToken),
  botEventsUrl: eventsUrl,
  botCardsUrl: cardsUrl,
});

function summary(m: SentMessage): string {
  const c = m.content as Record<string, unknown> | undefined;
  if (m.msg_type === "text") return String(c?.text ?? "");
  if (m.msg_type === "interactive") {
    const header = c?.header as { title?: { content?: string } } | undefined;
    return `[card] ${header?.title?.content ?? "(no title)"}`;
  }
  return `[${m.msg_type}]`;
}
const time = () => new Date().toTimeString().slice(0, 8);
double.on("sent", (m) => console.log(`${time()} → ${m.recipient_open_id ?? m.chat_id} ${m.message_id}: ${summary(m)}`));
double.on("patched", (m) => console.log(`${time()} ✎ ${m.message_id} (update ${m.patches}): ${summary(m)}`));

console.log(`Lark double on ${double.url} (SDK domain), control API ${double.url}/_double`);
console.log(eventsUrl ? `delivering events to ${eventsUrl}, card callbacks to ${cardsUrl}` : "no bot URL yet: PUT /_double/bot-urls");

const stop = async () => {
  await double.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
