// What must hold at the end of the year, each check returning the offending facts (empty when
// it holds), computed from the rows and the double's messages, not from the bot's own rules.
import { addMonths, addDays, dateToDay, type Day } from "../../src/domain/calendar-day.ts";
import { dayIn, minuteOfDayIn } from "../../src/domain/zoned-time.ts";
import type { Harness } from "../support/harness.ts";
import type { Branch, Cast } from "./cast.ts";
import { keyOf, recipientOf, textOf, type Delivered } from "./mailbox.ts";
import { isDayOff } from "./official-2027.ts";
import type { Departure } from "./story.ts";
import { TZ } from "./world.ts";

/** Every member active in a branch at the end, alive, with no talk in the twelve months up to `end`. */
export async function untalkedMembers(h: Harness, end: Day): Promise<string[]> {
  const since = addDays(addMonths(end, -12), 1);
  const rows = await h.db.prisma.membership.findMany({
    where: { role: "MEMBER", status: "ACTIVE", org: { kind: "BRANCH" }, person: { deceasedOn: null } },
    select: { person: { select: { id: true, name: true } }, org: { select: { name: true } } },
  });
  const out: string[] = [];
  for (const r of rows) {
    const last = await h.db.prisma.talk.findFirst({ where: { memberId: r.person.id }, orderBy: { heldOn: "desc" }, select: { heldOn: true } });
    const lastOn = last ? dateToDay(last.heldOn) : null;
    if (!lastOn || lastOn < since) out.push(`${r.person.name}（${r.org.name}）最近一次谈心 ${lastOn ?? "从未"}`);
  }
  return out;
}

/**
 * Messages after a departure that reach the member who left or name them. A member who moved
 * to branch B is still in the system: then only branch A's people must hear no more of them,
 * but for their pairing helper (a pairing goes with the member, helper and all: docs/roster.md).
 * What the recording itself sent (its confirmation, the secretaries' notices) is the departure
 * and not after it; a condolence visit to a deceased member's family (慰问家属) names them by right.
 */
export async function messagesAfterDeparture(h: Harness, all: readonly Delivered[], departures: readonly Departure[], cast: Cast): Promise<string[]> {
  const out: string[] = [];
  const branchA = openIdsOf(cast.a);
  for (const d of departures) {
    const helpers = await h.db.prisma.pairing.findMany({ where: { memberId: d.person.id, helperPersonId: { not: null } }, select: { helperPersonId: true } });
    const helperIds = new Set(helpers.map((x) => x.helperPersonId));
    const helperOpenIds = new Set(cast.everyone.filter((p) => helperIds.has(p.id)).map((p) => p.openId));
    for (const m of all) {
      if (m.msg.create_time <= d.at) continue;
      if (m.cause.kind === "action" && m.cause.label.includes(d.person.name) && m.cause.label.includes("登记")) continue;
      const to = recipientOf(m.msg);
      const text = textOf(m.msg.content);
      const names = text.includes(d.person.name) && !(d.kind === "DEATH" && text.includes("家属"));
      const when = `${dayIn(new Date(m.msg.create_time), TZ)} ${keyOf(m) || m.msg.message_id}`;
      if (d.kind === "TRANSFER_INSIDE") {
        if (names && to && to !== d.person.openId && branchA.has(to) && !helperOpenIds.has(to)) out.push(`${d.person.name} 已转到第二支部，${when} 仍向第一支部的 ${nameOf(cast, to)} 提到他`);
        continue;
      }
      if (to === d.person.openId) out.push(`${d.person.name}（${d.kind}）${when} 仍收到消息`);
      else if (names) out.push(`${d.person.name}（${d.kind}）${when} 仍被提到，收件人 ${to ? nameOf(cast, to) : m.msg.receive_id}`);
    }
  }
  return out;
}

const openIdsOf = (br: Branch) => new Set([br.secretary, ...br.leaders, br.worker, ...br.members].map((p) => p.openId));
const nameOf = (cast: Cast, openId: string) => cast.everyone.find((p) => p.openId === openId)?.name ?? openId;

/**
 * Pushes the bot made on its own (a scheduled task caused them) on a day off of the entered
 * schedule, or at night (before 08:00 or from 21:00). Urgent talks are the one push meant for
 * any day (src/jobs/talk-urgent.ts: a member in difficulty does not wait for Monday), but not
 * for the night.
 */
export function pushesOffHours(all: readonly Delivered[]): string[] {
  const out: string[] = [];
  for (const m of all) {
    if (m.cause.kind !== "task") continue;
    const at = new Date(m.msg.create_time);
    const day = dayIn(at, TZ);
    const minute = minuteOfDayIn(at, TZ);
    const key = keyOf(m);
    if (minute < 8 * 60 || minute >= 21 * 60) out.push(`${day} ${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")} 夜间推送 ${key}`);
    else if (isDayOff(day) && !key.startsWith("talk-urgent-")) out.push(`${day}（休息日）推送 ${key}（${m.cause.tasks.join(",")}）`);
  }
  return out;
}

/** Per branch and source: income − disbursements ± reversals (opposite to the entry reversed) against the balance. */
export async function ledgerMismatches(h: Harness): Promise<{ problems: string[]; sources: number }> {
  const p = h.db.prisma;
  const entries = await p.fundEntry.findMany({ select: { id: true, orgId: true, source: true, kind: true, amountFen: true, reversesId: true } });
  const byId = new Map(entries.map((e) => [e.id, e]));
  const sums = new Map<string, number>();
  const problems: string[] = [];
  for (const e of entries) {
    let sign: number;
    if (e.kind === "INCOME") sign = 1;
    else if (e.kind === "DISBURSEMENT") sign = -1;
    else {
      const undone = e.reversesId === null ? undefined : byId.get(e.reversesId);
      if (!undone) {
        problems.push(`冲正 #${e.id} 没有指向被冲正的记录`);
        continue;
      }
      if (undone.orgId !== e.orgId || undone.source !== e.source) problems.push(`冲正 #${e.id} 与被冲正的 #${undone.id} 不在同一支部同一来源`);
      sign = undone.kind === "INCOME" ? -1 : 1;
    }
    const k = `${e.orgId}/${e.source}`;
    sums.set(k, (sums.get(k) ?? 0) + sign * e.amountFen);
  }
  const balances = await p.fundBalance.findMany();
  const keys = new Set([...sums.keys(), ...balances.map((b) => `${b.orgId}/${b.source}`)]);
  for (const k of keys) {
    const bal = balances.find((b) => `${b.orgId}/${b.source}` === k)?.balanceFen ?? 0;
    if (bal !== (sums.get(k) ?? 0)) problems.push(`${k}: 账目合计 ${sums.get(k) ?? 0} 分，余额 ${bal} 分`);
  }
  return { problems, sources: keys.size };
}

/** Two delivered messages with the same outbox key or the same Lark uuid, or a message that has neither. */
export function sentTwice(all: readonly Delivered[]): string[] {
  const out: string[] = [];
  for (const [what, of] of [["outbox key", keyOf], ["uuid", (d: Delivered) => d.msg.uuid ?? ""]] as const) {
    const seen = new Map<string, number>();
    for (const m of all) {
      const k = of(m);
      if (!k) out.push(`消息 ${m.msg.message_id} 没有 ${what}`);
      else seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    for (const [k, n] of seen) if (n > 1) out.push(`${what} ${k} 送达 ${n} 次`);
  }
  return out;
}
