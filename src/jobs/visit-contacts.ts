// The daily contact sweep. Pairing helpers and the leaders of mobile members get one reminder
// a month (key person+month) listing whom they have not logged a contact with this month; a
// mobile member with no contact for n months raises one lost-contact alert to the secretary
// (key member + last contact + secretary, so a new silence after a new contact alerts again).
import { contactReminderCard, lostContactCard } from "../../cards/visit-contact.ts";
import type { ListContact } from "../../cards/visit-list.ts";
import { contactReminderDue, isLostContact } from "../domain/visit-contact.ts";
import { monthOf } from "../domain/calendar-day.ts";
import { dayIn } from "../domain/zoned-time.ts";
import { mobileDetail, pairingDetail } from "../domain/visit-labels.ts";
import type { VisitSettings } from "../domain/visit-settings.ts";
import type { NewOutgoing } from "../store/outbox.ts";
import type { TaskDeps } from "./task-deps.ts";

const CARD_LINES = 12;

export interface ContactResult {
  today: string;
  reminders: number;
  lost: number;
}

const contactReminderKey = (personId: number, month: string) => `visit-contact-${personId}-${month}`;
const lostContactKey = (memberId: number, lastContactId: number | null, secretaryId: number) => `visit-lost-${memberId}-${lastContactId ?? 0}-${secretaryId}`;

export async function sweepContacts(d: TaskDeps): Promise<ContactResult> {
  const now = d.clock.now();
  const tz = d.config.timezone;
  const today = dayIn(now, tz);
  const month = monthOf(today);
  const { ids, result } = await d.inTransaction(
    async (store) => {
      const settings = new Map<number, VisitSettings>();
      const sOf = async (orgId: number) => {
        let s = settings.get(orgId);
        if (!s) settings.set(orgId, (s = (await store.visitPeople.visitSettingsOf(orgId, d.log)).settings));
        return s;
      };
      const secretaries = new Map<number, Awaited<ReturnType<typeof store.visitPeople.secretariesOf>>>();
      const secOf = async (orgId: number) => {
        let s = secretaries.get(orgId);
        if (!s) secretaries.set(orgId, (s = await store.visitPeople.secretariesOf(orgId)));
        return s;
      };

      // Whom to remind about whom: the helper (or the leader of a mobile member), else the secretary.
      const due: { recipientId: number | null; orgId: number; contact: ListContact }[] = [];
      for (const p of await store.visitPairing.activePairings(today)) {
        if (!contactReminderDue(p.lastContact, today, (await sOf(p.orgId)).contactReminderDay)) continue;
        const detail = pairingDetail(p.helperKind, p.departmentName);
        due.push({ recipientId: p.helperPersonId, orgId: p.orgId, contact: { memberId: p.memberId, memberName: p.memberName, kind: "PAIRING", pairingId: p.id, detail, lastContact: p.lastContact } });
      }
      const mobiles = await store.visitMobile.mobileMembers(tz);
      for (const m of mobiles) {
        if (!contactReminderDue(m.lastContact, today, (await sOf(m.orgId)).contactReminderDay)) continue;
        due.push({ recipientId: m.leaderId, orgId: m.orgId, contact: { memberId: m.id, memberName: m.name, kind: "MOBILE", detail: mobileDetail(m.whereabouts), lastContact: m.lastContact } });
      }
      const people = await store.people.personContacts(due.flatMap((x) => (x.recipientId ? [x.recipientId] : [])));
      const byRecipient = new Map<number, { name: string; openId: string; contacts: ListContact[] }>();
      for (const x of due) {
        const person = x.recipientId ? people.get(x.recipientId) : undefined;
        const targets = person?.openId ? [{ id: x.recipientId!, name: person.name, openId: person.openId }] : await secOf(x.orgId);
        if (targets.length === 0) d.log.warn({ memberId: x.contact.memberId, orgId: x.orgId }, "nobody on Lark to remind about a contact");
        for (const t of targets) {
          const r = byRecipient.get(t.id) ?? { name: t.name, openId: t.openId, contacts: [] };
          r.contacts.push(x.contact);
          byRecipient.set(t.id, r);
        }
      }
      const sent = await store.outbox.existingKeys([...byRecipient.keys()].map((id) => contactReminderKey(id, month)));
      const out: NewOutgoing[] = [];
      for (const [id, r] of byRecipient) {
        const key = contactReminderKey(id, month);
        if (sent.has(key)) continue;
        out.push({ kind: "SEND", to: { openId: r.openId }, key, card: contactReminderCard({ name: r.name, month, contacts: r.contacts.slice(0, CARD_LINES), total: r.contacts.length }) });
      }

      // Lost contact: one alert per member, silence and secretary; alerts already staged are skipped.
      const leaders = await store.people.personNames(mobiles.map((m) => m.leaderId));
      const lostOut: NewOutgoing[] = [];
      for (const m of mobiles) {
        const s = await sOf(m.orgId);
        if (!isLostContact(m.lastContact, m.since, today, s.lostContactMonths)) continue;
        const secs = await secOf(m.orgId);
        if (secs.length === 0) d.log.warn({ memberId: m.id, orgId: m.orgId }, "a mobile member is out of touch and the branch has no secretary on Lark");
        const already = await store.outbox.existingKeys(secs.map((sec) => lostContactKey(m.id, m.lastContactId, sec.id)));
        const fresh = secs.filter((sec) => !already.has(lostContactKey(m.id, m.lastContactId, sec.id)));
        if (fresh.length === 0) continue;
        const orgName = await store.orgs.orgName(m.orgId);
        for (const sec of fresh) {
          lostOut.push({
            kind: "SEND",
            to: { openId: sec.openId },
            key: lostContactKey(m.id, m.lastContactId, sec.id),
            card: lostContactCard({
              secretaryName: sec.name,
              memberName: m.name,
              orgName: orgName ?? "",
              whereabouts: m.whereabouts,
              mobile: m.mobile,
              leaderName: m.leaderId ? (leaders.get(m.leaderId) ?? null) : null,
              lastContact: m.lastContact,
              months: s.lostContactMonths,
              memberId: m.id,
            }),
          });
        }
      }
      const ids = await store.outbox.stageOutgoing([...out, ...lostOut]);
      return { ids, result: { today, reminders: out.length, lost: lostOut.length } };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  await d.enqueue.delivery(ids);
  return result;
}
