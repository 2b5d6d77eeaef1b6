// The daily contact sweep. Pairing helpers and the leaders of mobile members get one reminder
// a month (key person+month) listing whom they have not logged a contact with this month; a
// mobile member with no contact for n months raises one lost-contact alert to the secretary
// (key member + last contact + secretary, so a new silence after a new contact alerts again).
import { contactReminderCard, lostContactCard } from "../../cards/visit-contact.ts";
import type { ListContact } from "../../cards/visit-list.ts";
import { contactReminderDue, isLostContact } from "../domain/visit-contact.ts";
import { monthOf } from "../domain/calendar-day.ts";
import { mobileDetail, pairingDetail } from "../domain/visit-labels.ts";
import type { VisitSettings } from "../domain/visit-settings.ts";
import { memo } from "../lib/memo.ts";
import type { Logger } from "../log.ts";
import type { NewOutgoing } from "../store/outbox.ts";
import type { Stores } from "../store/stores.ts";
import type { MobileMember } from "../store/visit-mobile.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

const CARD_LINES = 12;

export interface ContactResult {
  today: string;
  skipped?: "rest-day" | "night";
  reminders: number;
  lost: number;
}

const contactReminderKey = (personId: number, month: string) => `visit-contact-${personId}-${month}`;
const lostContactKey = (memberId: number, lastContactId: number | null, secretaryId: number) => `visit-lost-${memberId}-${lastContactId ?? 0}-${secretaryId}`;

type Secretary = { id: number; name: string; openId: string };

/** What both halves of the sweep read, each branch's once. */
interface Sweep {
  store: Stores;
  log: Logger;
  today: string;
  /** Organisations outside their night hours now. */
  daytime: Set<number>;
  mobiles: MobileMember[];
  settingsOf(orgId: number): Promise<VisitSettings>;
  secretariesOf(orgId: number): Promise<Secretary[]>;
}

export async function sweepContacts(d: TaskDeps): Promise<ContactResult> {
  const w = await pushWindowOf(d);
  const today = w.today;
  // Monthly reminders and lost-contact alerts wait for a working day in the branch's daytime;
  // both are due from a day on (not on one day), so the next working day's run sends them.
  if (!w.workingDay) return { today, skipped: "rest-day", reminders: 0, lost: 0 };
  const daytime = new Set(awake(await d.store.branchRules.loadBranchRules(), w, ["BRANCH", "GENERAL_BRANCH", "COMMITTEE"]).map((b) => b.orgId));
  if (daytime.size === 0) return { today, skipped: "night", reminders: 0, lost: 0 };
  const { ids, result } = await d.inTransaction(
    async (store) => {
      const sweep: Sweep = {
        store,
        log: d.log,
        today,
        daytime,
        mobiles: (await store.visitMobile.mobileMembers(d.config.timezone)).filter((m) => daytime.has(m.orgId)),
        settingsOf: memo(async (orgId: number) => (await store.visitPeople.visitSettingsOf(orgId, d.log)).settings),
        secretariesOf: memo((orgId: number) => store.visitPeople.secretariesOf(orgId)),
      };
      const reminders = await reminderMessages(sweep);
      const lost = await lostContactMessages(sweep);
      const ids = await store.outbox.stageOutgoing([...reminders, ...lost]);
      return { ids, result: { today, reminders: reminders.length, lost: lost.length } };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  await d.enqueue.delivery(ids);
  return result;
}

/** One card per person this month listing whom they have not logged a contact with; cards already staged are skipped. */
async function reminderMessages(s: Sweep): Promise<NewOutgoing[]> {
  const month = monthOf(s.today);
  // Whom to remind about whom: the helper (or the leader of a mobile member), else the secretary.
  const due: { recipientId: number | null; orgId: number; contact: ListContact }[] = [];
  for (const p of await s.store.visitPairing.activePairings(s.today)) {
    if (!s.daytime.has(p.orgId)) continue;
    if (!contactReminderDue(p.lastContact, s.today, (await s.settingsOf(p.orgId)).contactReminderDay)) continue;
    const detail = pairingDetail(p.helperKind, p.departmentName);
    due.push({ recipientId: p.helperPersonId, orgId: p.orgId, contact: { memberId: p.memberId, memberName: p.memberName, kind: "PAIRING", pairingId: p.id, detail, lastContact: p.lastContact } });
  }
  for (const m of s.mobiles) {
    if (!contactReminderDue(m.lastContact, s.today, (await s.settingsOf(m.orgId)).contactReminderDay)) continue;
    due.push({ recipientId: m.leaderId, orgId: m.orgId, contact: { memberId: m.id, memberName: m.name, kind: "MOBILE", detail: mobileDetail(m.whereabouts), lastContact: m.lastContact } });
  }
  const people = await s.store.people.personContacts(due.flatMap((x) => (x.recipientId ? [x.recipientId] : [])));
  const byRecipient = new Map<number, { name: string; openId: string; contacts: ListContact[] }>();
  for (const x of due) {
    const person = x.recipientId ? people.get(x.recipientId) : undefined;
    const targets = person?.openId ? [{ id: x.recipientId!, name: person.name, openId: person.openId }] : await s.secretariesOf(x.orgId);
    if (targets.length === 0) s.log.warn({ memberId: x.contact.memberId, orgId: x.orgId }, "nobody on Lark to remind about a contact");
    for (const t of targets) {
      const r = byRecipient.get(t.id) ?? { name: t.name, openId: t.openId, contacts: [] };
      r.contacts.push(x.contact);
      byRecipient.set(t.id, r);
    }
  }
  const sent = await s.store.outbox.existingKeys([...byRecipient.keys()].map((id) => contactReminderKey(id, month)));
  const out: NewOutgoing[] = [];
  for (const [id, r] of byRecipient) {
    const key = contactReminderKey(id, month);
    if (sent.has(key)) continue;
    out.push({ kind: "SEND", to: { openId: r.openId }, key, card: contactReminderCard({ name: r.name, month, contacts: r.contacts.slice(0, CARD_LINES), total: r.contacts.length }) });
  }
  return out;
}

/** Lost contact: one alert per member, silence and secretary; alerts already staged are skipped. */
async function lostContactMessages(s: Sweep): Promise<NewOutgoing[]> {
  const leaders = await s.store.people.personNames(s.mobiles.map((m) => m.leaderId));
  const out: NewOutgoing[] = [];
  for (const m of s.mobiles) {
    const { lostContactMonths } = await s.settingsOf(m.orgId);
    if (!isLostContact(m.lastContact, m.since, s.today, lostContactMonths)) continue;
    const secs = await s.secretariesOf(m.orgId);
    if (secs.length === 0) s.log.warn({ memberId: m.id, orgId: m.orgId }, "a mobile member is out of touch and the branch has no secretary on Lark");
    const already = await s.store.outbox.existingKeys(secs.map((sec) => lostContactKey(m.id, m.lastContactId, sec.id)));
    const fresh = secs.filter((sec) => !already.has(lostContactKey(m.id, m.lastContactId, sec.id)));
    if (fresh.length === 0) continue;
    const orgName = (await s.store.orgs.orgName(m.orgId)) ?? "";
    for (const sec of fresh) {
      out.push({
        kind: "SEND",
        to: { openId: sec.openId },
        key: lostContactKey(m.id, m.lastContactId, sec.id),
        card: lostContactCard({
          today: s.today,
          secretaryName: sec.name,
          memberName: m.name,
          orgName,
          whereabouts: m.whereabouts,
          mobile: m.mobile,
          leaderName: m.leaderId ? (leaders.get(m.leaderId) ?? null) : null,
          lastContact: m.lastContact,
          months: lostContactMonths,
          memberId: m.id,
        }),
      });
    }
  }
  return out;
}
