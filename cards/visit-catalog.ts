// Sample data for every visit card, spread into cards/catalog.ts (the sandbox renders them all).
import { giftExamples } from "../src/domain/visit-gifts.ts";
import type { Card } from "./kit.ts";
import { contactDoneCard, contactFormCard, contactReminderCard, lostContactCard } from "./visit-contact.ts";
import { visitAlreadyDoneCard, visitDoneCard, visitFormCard } from "./visit-complete.ts";
import { visitCoverageCard } from "./visit-coverage.ts";
import { visitDigestCard } from "./visit-digest.ts";
import { visitEventNoticeCard, visitEventReceiptCard } from "./visit-event.ts";
import { visitListCard } from "./visit-list.ts";
import { mobileMembersCard } from "./visit-mobile.ts";
import { pairingCard, pairingNoticeCard } from "./visit-pairing.ts";
import { visitEscalationCard, visitOverdueCard, visitReassignedCard } from "./visit-reminders.ts";

const midAutumn = { zh: "中秋走访（2027）", en: "Mid-Autumn Festival visit (2027)" };
const event = { taskId: 9, memberName: "张三", orgName: "磐东居委第一党支部", kind: { zh: "生病住院", en: "illness or hospitalisation" }, reason: "住院做手术", dueOn: "2027-09-04", visitorName: "李明", reporterName: "李明" };

export const VISIT_CARDS: Record<string, () => Card> = {
  "visit-digest": () =>
    visitDigestCard({
      visitorName: "李明",
      festival: { zh: "中秋", en: "Mid-Autumn Festival" },
      year: 2027,
      date: "2027-09-15",
      total: 14,
      lines: [
        { taskId: 1, memberName: "王五", orgName: "磐东居委第一党支部", reason: { zh: "老党员", en: "veteran Party member" } },
        { taskId: 2, memberName: "张三", orgName: "磐东居委第一党支部", reason: { zh: "困难党员", en: "member in hardship" } },
      ],
    }),
  "visit-list": () =>
    visitListCard({
      name: "李明",
      taskTotal: 2,
      tasks: [
        { taskId: 1, memberName: "王五", what: midAutumn, reason: { zh: "老党员", en: "veteran Party member" }, dueOn: "2027-09-15", daysLate: 0 },
        { taskId: 9, memberName: "张三", what: { zh: "六必访·生病住院", en: "event visit: illness" }, reason: { zh: "住院做手术", en: "住院做手术" }, dueOn: "2027-09-04", daysLate: 2 },
      ],
      contacts: [
        { memberId: 5, memberName: "张三", kind: "PAIRING", pairingId: 3, detail: { zh: "党员结对", en: "member pairing" }, lastContact: "2027-08-20" },
        { memberId: 10, memberName: "周八", kind: "MOBILE", detail: { zh: "流动党员 · 深圳市南山区（务工）", en: "mobile member · Shenzhen" }, lastContact: null },
      ],
    }),
  "visit-form": () =>
    visitFormCard({
      taskId: 1,
      memberName: "王五",
      orgName: "磐东居委第一党支部",
      what: midAutumn,
      reason: { zh: "老党员", en: "veteran Party member" },
      dueOn: "2027-09-15",
      today: "2027-09-10",
      sources: [
        { value: "LOCAL_FINANCE", text: { zh: "地方财政拨付（余额 5,000.00 元）", en: "local finance allocation (balance CNY 5,000.00)" } },
        { value: "PARTY_FEE", text: { zh: "党费补助（余额 2,000.00 元）", en: "party-fee subsidy (balance CNY 2,000.00)" } },
        { value: "DONATION", text: { zh: "社会捐赠（余额 0.00 元）", en: "social donations (balance CNY 0.00)" } },
      ],
      goodsExample: giftExamples({ festival: "MID_AUTUMN", eventKind: null }),
    }),
  "visit-done": () =>
    visitDoneCard({
      memberName: "王五",
      what: midAutumn,
      visitedOn: "2027-09-10",
      how: { zh: "上门走访", en: "home visit" },
      money: { zh: "500.00 元（党费补助）", en: "CNY 500.00 (party-fee subsidy)" },
      goods: "月饼两盒",
      notes: "身体硬朗，关心社区老年食堂。",
      recordedBy: "李明",
    }),
  "visit-already-done": () => visitAlreadyDoneCard({ memberName: "王五", what: midAutumn, visitedOn: "2027-09-10" }),
  "visit-overdue": () =>
    visitOverdueCard({ name: "李明", total: 1, lines: [{ taskId: 1, memberName: "王五", what: midAutumn, dueOn: "2027-09-15", daysLate: 1 }] }),
  "visit-escalation": () =>
    visitEscalationCard({
      name: "王建国",
      orgName: "磐东居委第一党支部",
      total: 1,
      lines: [{ taskId: 1, memberName: "王五", visitorName: "李明", what: midAutumn, dueOn: "2027-09-15", daysLate: 7 }],
    }),
  "visit-reassigned": () => visitReassignedCard({ name: "陈芳", byName: "王建国", lines: [{ taskId: 1, memberName: "王五", what: midAutumn, dueOn: "2027-09-15", daysLate: 2 }] }),
  "visit-event-receipt": () => visitEventReceiptCard(event),
  "visit-event-notice": () => visitEventNoticeCard({ ...event, secretaryName: "王建国" }),
  "visit-pairing": () =>
    pairingCard({
      orgId: 1,
      orgName: "磐东居委第一党支部",
      today: "2027-09-01",
      total: 1,
      done: { zh: "已建立结对：张三 ← 陈芳", en: "Paired 张三 with 陈芳" },
      pairings: [{ id: 3, memberName: "张三", kind: { zh: "领导干部联系", en: "leader contact" }, helper: "陈芳", startOn: "2027-01-01", endOn: null, lastContact: "2027-08-20" }],
    }),
  "visit-pairing-notice": () =>
    pairingNoticeCard({ helperName: "陈芳", memberName: "张三", orgName: "磐东居委第一党支部", kind: { zh: "领导干部联系", en: "leader contact" }, startOn: "2027-01-01", endOn: null, memberId: 5, pairingId: 3 }),
  "visit-contact-reminder": () =>
    contactReminderCard({
      name: "陈芳",
      month: "2027-09",
      total: 1,
      contacts: [{ memberId: 10, memberName: "周八", kind: "MOBILE", detail: { zh: "流动党员 · 深圳市南山区（务工）", en: "mobile member · Shenzhen" }, lastContact: "2027-07-30" }],
    }),
  "visit-contact-form": () => contactFormCard({ memberId: 10, memberName: "周八", kind: "MOBILE", detail: { zh: "流动党员 · 深圳市南山区（务工）", en: "mobile member · Shenzhen" }, today: "2027-09-01" }),
  "visit-contact-done": () => contactDoneCard({ memberName: "周八", at: "2027-09-01", how: { zh: "电话", en: "phone" }, note: "在深圳务工，一切安好。" }),
  "visit-lost-contact": () =>
    lostContactCard({ secretaryName: "王建国", memberName: "周八", orgName: "磐东居委第一党支部", whereabouts: "深圳市南山区（务工）", mobile: "13800000016", leaderName: "陈芳", lastContact: "2027-05-30", months: 3, memberId: 10 }),
  "visit-coverage": () =>
    visitCoverageCard({
      title: { zh: "走访统计 · 2027 年", en: "Visit coverage · 2027" },
      today: "2027-09-20",
      rows: [
        {
          orgName: "磐东居委第一党支部",
          what: midAutumn,
          planned: 6,
          done: 5,
          open: 1,
          overdue: 1,
          escalated: 0,
          goods: 5,
          money: [{ source: { zh: "党费补助", en: "party-fee subsidy" }, amount: { zh: "1,500.00 元", en: "CNY 1,500.00" } }],
        },
      ],
    }),
  "visit-mobile": () =>
    mobileMembersCard({
      orgName: "磐东居委第一党支部",
      total: 1,
      lostMonths: 3,
      rows: [{ name: "周八", whereabouts: "深圳市南山区（务工）", leaderName: "陈芳", lastContact: "2027-05-30", lost: true }],
    }),
};
