// Helpers for the work-care tests, on top of the aid tests' branch (secretary, delegate, leader,
// affairs worker, two members and one without Lark), fund and click helpers.
import type { SentMessage } from "../../src/double/index.ts";
import { buttonValue, text } from "../aid/support.ts";
import { eventually, type Harness } from "../support/harness.ts";
import type { SeededPerson } from "../support/seed.ts";

export { buttonValue, clickCard, command, forgeClick, fund, hasButton, seedBranch, startAidHarness, text, type Branch } from "../aid/support.ts";

type Json = Record<string, unknown>;

/** The card the bot answered a command with (the first reply to it). */
export async function replyTo(h: Harness, who: SeededPerson, say: string): Promise<SentMessage> {
  const said = await h.double.say({ from: who.openId, text: say });
  return h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
}

/** Clicks the button for `action` on a card the bot sent, with the form's values. */
export async function submit(h: Harness, who: SeededPerson, msg: SentMessage, action: string, formValue: Json = {}) {
  return h.double.click({ from: who.openId, messageId: msg.message_id, value: buttonValue(h.double.message(msg.message_id)!.content, action), tag: "button", formValue });
}

/** A click on a card with a given button value: a repeated click on a card that has since been redrawn. */
export async function clickWith(h: Harness, who: SeededPerson, msg: SentMessage, value: Json, formValue: Json = {}) {
  return h.double.click({ from: who.openId, messageId: msg.message_id, value, tag: "button", formValue });
}

/** The nth message to `to` whose text contains `piece` (waits for delivery). */
export async function cardTo(h: Harness, to: { openId: string }, piece: string, nth = 0): Promise<SentMessage> {
  return eventually(() => h.double.messages({ to: to.openId }).filter((m) => text(m).includes(piece))[nth]);
}

export const toastOf = (r: { toast?: unknown }): string => JSON.stringify(r.toast ?? null);
export const cardText = (r: { card?: unknown }): string => JSON.stringify(r.card ?? null);

/** Row counts of everything the work-care flows write, to show a refused action changed nothing. */
export async function workState(h: Harness) {
  const p = h.db.prisma;
  const [applications, sessions, attendance, cases, events, postings, pushes, commendations, questions, messages, entries, balances, audits, outbox] = await Promise.all([
    p.trainingApplication.findMany({ select: { id: true, status: true, subsidyFen: true, fundEntryId: true }, orderBy: { id: "asc" } }),
    p.trainingSession.count(),
    p.trainingAttendance.count(),
    p.employmentCase.findMany({ select: { id: true, status: true, lastCheckInOn: true, skills: true }, orderBy: { id: "asc" } }),
    p.employmentEvent.count(),
    p.jobPosting.count(),
    p.jobPush.findMany({ select: { id: true, week: true }, orderBy: { id: "asc" } }),
    p.commendation.findMany({ select: { id: true, status: true, level: true }, orderBy: { id: "asc" } }),
    p.question.findMany({ select: { id: true, status: true, messageCount: true }, orderBy: { id: "asc" } }),
    p.questionMessage.count(),
    p.fundEntry.count(),
    p.fundBalance.findMany({ select: { orgId: true, source: true, balanceFen: true }, orderBy: [{ orgId: "asc" }, { source: "asc" }] }),
    p.auditLog.count(),
    p.outboxMessage.count(),
  ]);
  return { applications, sessions, attendance, cases, events, postings, pushes, commendations, questions, messages, entries, balances, audits, outbox };
}
