// Helpers for the aid tests: two branches with every role, fund money, and the user actions of
// the aid flow (say 求助, submit the form, click the buttons of a card) driven through the Lark
// double as people would.
import { buildEnvelope, type SentMessage } from "../../src/double/index.ts";
import type { FundSource } from "../../src/domain/aid-rules.ts";
import type { RoleName } from "../../src/domain/roles.ts";
import { recordIncome } from "../../src/store/aid-fund.ts";
import { eventually, startHarness, TEST_LARK, type Harness } from "../support/harness.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";

export interface Branch {
  orgId: number;
  chatId: string;
  secretary: SeededPerson;
  delegate: SeededPerson;
  leader: SeededPerson;
  worker: SeededPerson;
  member: SeededPerson;
  member2: SeededPerson;
  /** A member with no Lark account: a leader files for them. */
  offline: { id: number; name: string };
}

export async function startAidHarness(opts: { ceilingYuan?: number; clockStart?: Date } = {}): Promise<Harness> {
  // Many cards go to one secretary in these tests; Lark's 5/s per chat would only slow them down.
  return startHarness({
    env: { SEND_RATE_TARGET_PER_SEC: "200", SEND_RATE_APP_PER_SEC: "500", AID_MAX_YUAN: String(opts.ceilingYuan ?? 5000) },
    double: { quotas: { perTargetPerSec: 200, appPerSec: 500, appPerMin: 20_000, perMessagePatchPerSec: 50 } },
    ...(opts.clockStart ? { clockStart: opts.clockStart } : {}),
  });
}

export async function seedBranch(h: Harness, code: string, names: { prefix: string }): Promise<Branch> {
  const org = await seedOrg(h.db.prisma, code, `${names.prefix}党支部`);
  const p = (name: string, roles: RoleName[], tags?: ("OLD_MEMBER" | "VETERAN")[]) => seedPerson(h.db.prisma, h.double, { name, orgId: org.id, roles, ...(tags ? { tags } : {}) });
  const secretary = await p(`${names.prefix}书记`, ["SECRETARY", "LEADER"]);
  const delegate = await p(`${names.prefix}受托人`, ["AID_DELEGATE"]);
  const leader = await p(`${names.prefix}支委`, ["LEADER"]);
  const worker = await p(`${names.prefix}党务`, ["AFFAIRS_WORKER"]);
  const member = await p(`${names.prefix}张三`, [], ["OLD_MEMBER"]);
  const member2 = await p(`${names.prefix}李四`, []);
  const off = await h.db.prisma.person.create({ data: { name: `${names.prefix}王婆婆`, memberships: { create: [{ orgId: org.id, role: "MEMBER" }] } } });
  const chat = h.double.addChat({ name: `${names.prefix}党支部群`, members: [secretary, delegate, leader, worker, member, member2].map((x) => x.openId) });
  await h.db.prisma.organization.update({ where: { id: org.id }, data: { groupChatId: chat.chat_id } });
  return { orgId: org.id, chatId: chat.chat_id, secretary, delegate, leader, worker, member, member2, offline: { id: off.id, name: off.name } };
}

export async function fund(h: Harness, orgId: number, source: FundSource, yuan: number): Promise<void> {
  await h.db.prisma.$transaction((tx) => recordIncome(tx, { orgId, source, amountFen: Math.round(yuan * 100), payer: "测试拨付", note: null, recordedById: null, at: h.clock.now() }));
}

export const text = (m: SentMessage | { content: unknown }) => JSON.stringify(m.content);
/** The toast a card callback answered with (the double hands it over untyped). */
export const toast = (r: { toast?: unknown }) => (r.toast ?? {}) as { type?: string; content?: string };

type Json = Record<string, unknown>;

/** The callback value of the button for `action` in a card (what Lark would send on a click). */
export function buttonValue(card: unknown, action: string): Json {
  let found: Json | undefined;
  const walk = (x: unknown) => {
    if (found || typeof x !== "object" || x === null) return;
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as Json;
    if (o.tag === "button" && Array.isArray(o.behaviors)) {
      const v = (o.behaviors[0] as { value?: Json } | undefined)?.value;
      if (v?.a === action) found = v;
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no ${action} button in card: ${JSON.stringify(card).slice(0, 300)}`);
  return found;
}

export const hasButton = (card: unknown, action: string): boolean => {
  try {
    buttonValue(card, action);
    return true;
  } catch {
    return false;
  }
};

/** The form card answering a command (e.g. 求助) said by `who`. */
export async function askForForm(h: Harness, who: SeededPerson, say = "求助"): Promise<SentMessage> {
  const said = await h.double.say({ from: who.openId, text: say });
  return h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
}

export async function submitForm(h: Harness, who: SeededPerson, form: SentMessage, formValue: Json) {
  return h.double.click({ from: who.openId, messageId: form.message_id, value: buttonValue(form.content, "aid-submit"), formValue, tag: "button" });
}

/** A member files 求助 through chat; returns the request row. */
export async function file(h: Harness, who: SeededPerson, formValue: Json = { category: "ILLNESS", description: "住院手术，自付医疗费用困难", amount: "1000", urgency: "URGENT" }) {
  const form = await askForForm(h, who);
  const click = await submitForm(h, who, form, formValue);
  const number = /帮扶申请已提交 · (\d{4}-\d{4,})/.exec(text({ content: click.card }))?.[1];
  if (!number) throw new Error(`no receipt: ${JSON.stringify(click.toast)} ${text({ content: click.card }).slice(0, 300)}`);
  const req = await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { number } });
  return { req, click, form };
}

/** The approval card for `number` that the bot sent to `to` (waits for delivery). */
export async function approvalCardFor(h: Harness, to: SeededPerson, number: string, nth = 0): Promise<SentMessage> {
  return eventually(() => h.double.messages({ to: to.openId }).filter((m) => text(m).includes(`帮扶申请审批 · ${number}`))[nth]);
}

export async function clickCard(h: Harness, who: SeededPerson, msg: SentMessage, action: string, formValue?: Json) {
  return h.double.click({ from: who.openId, messageId: msg.message_id, value: buttonValue(h.double.message(msg.message_id)!.content, action), tag: "button", ...(formValue ? { formValue } : {}) });
}

const envCtx = { appId: TEST_LARK.appId, tenantKey: "tenant_double", verificationToken: TEST_LARK.verificationToken, now: Date.now };

/**
 * A card callback as Lark would post it, with any value: for forged values and for people who
 * never received the card (the authorisation matrix).
 */
export async function forgeClick(h: Harness, openId: string, value: Json, formValue?: Json, messageId = `om_forged_${Math.random().toString(36).slice(2)}`) {
  const env = buildEnvelope(envCtx, "card.action.trigger", {
    operator: { open_id: openId },
    token: "c-forged",
    action: { tag: "button", value, ...(formValue ? { form_value: formValue } : {}), timezone: "Asia/Shanghai" },
    context: { open_message_id: messageId, open_chat_id: "oc_forged" },
  });
  const r = await h.double.deliverEnvelope(env, { target: "cards" });
  const body = (r.body ?? {}) as { toast?: { type: string; content: string }; card?: { data: unknown } };
  return { status: r.status, toast: body.toast, card: body.card?.data };
}

/** The text (or card) the bot answered a message with. */
export async function command(h: Harness, who: { openId: string }, say: string, opts: { chatId?: string } = {}): Promise<SentMessage[]> {
  const said = await h.double.say({ from: who.openId, text: say, ...(opts.chatId ? { chatId: opts.chatId, chatType: "group" as const, mentionBot: true } : {}) });
  await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
  // A command may answer with several messages (one per branch); they are staged together.
  await new Promise((r) => setTimeout(r, 100));
  return h.double.messages().filter((m) => m.parent_id === said.messageId);
}

/** Counts of every aid table, to show that a refused action changed nothing. */
export async function aidState(h: Harness) {
  const p = h.db.prisma;
  const [requests, events, entries, balances, hardship, history, audits, outbox] = await Promise.all([
    p.aidRequest.findMany({ select: { id: true, status: true, approvedFen: true }, orderBy: { id: "asc" } }),
    p.aidRequestEvent.count(),
    p.fundEntry.count(),
    p.fundBalance.findMany({ select: { orgId: true, source: true, balanceFen: true }, orderBy: [{ orgId: "asc" }, { source: "asc" }] }),
    p.hardshipEntry.findMany({ select: { id: true, status: true, level: true, household: true }, orderBy: { id: "asc" } }),
    p.hardshipHistory.count(),
    p.auditLog.count(),
    p.outboxMessage.count(),
  ]);
  return { requests, events, entries, balances, hardship, history, audits, outbox };
}
