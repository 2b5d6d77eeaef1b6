// The escalation cards (上报) with sample data, spread into CARD_CATALOG (cards/catalog.ts).
import { escalationClosedCard, escalationItemCard, escalationListCard, escalationNoticeCard, hardshipCountsCard, type EscalationHead } from "./escalation.ts";
import type { Card } from "./kit.ts";

const head: EscalationHead = {
  escalationId: 3,
  fromOrg: "磐东居委第一党支部",
  subject: "HardshipEntry",
  reason: "RAISED",
  number: null,
  memberName: "张三",
  raisedOn: "2026-03-05",
  raisedBy: "王建国",
  note: "医药费超出支部能力，请党委协调民政救助。",
  status: "OPEN",
};
const aidHead: EscalationHead = { ...head, escalationId: 4, subject: "AidRequest", reason: "AID_OVERDUE", number: "2026-0007", raisedBy: null, note: null };

export const ESCALATION_CARDS: Record<string, () => Card> = {
  "escalation-notice": () => escalationNoticeCard(head),
  "escalation-list": () =>
    escalationListCard({
      year: 2026,
      items: [
        { escalationId: 3, fromOrg: "磐东居委第一党支部", subject: "HardshipEntry", reason: "RAISED", number: null, memberName: "张三", raisedOn: "2026-03-05", status: "OPEN", closedOn: null },
        { escalationId: 4, fromOrg: "磐东居委第二党支部", subject: "AidRequest", reason: "AID_OVERDUE", number: "2026-0007", memberName: "李四", raisedOn: "2026-02-18", status: "CLOSED", closedOn: "2026-02-20" },
      ],
    }),
  "escalation-list-empty": () => escalationListCard({ year: 2026, items: [] }),
  "escalation-hardship": () =>
    escalationItemCard({
      head,
      item: {
        kind: "HardshipEntry",
        memberName: "张三",
        status: "ACTIVE",
        level: "SERIOUS",
        causes: ["ILLNESS", "OLD_AGE"],
        household: "独居，患慢性病，每月药费约 800 元。",
        nextReviewOn: "2026-09-30",
        resolvedReason: null,
        history: [{ at: "2026-03-01 10:00", actor: "王建国", action: "OPENED" }],
      },
      closed: null,
    }),
  "escalation-aid": () =>
    escalationItemCard({
      head: aidHead,
      item: { kind: "AidRequest", number: "2026-0007", memberName: "李四", category: "ILLNESS", description: "母亲住院手术，医疗费用困难。", requestedFen: 200000, status: "APPROVED", filedAt: "2026-02-10 14:07", decision: { amountFen: 150000, note: "按标准补助", by: "王建国", at: "2026-02-19 09:00" } },
      closed: { by: "赵书记", on: "2026-02-20", note: "已督促支部审批，并协调社区临时救助。" },
    }),
  "escalation-training": () =>
    escalationItemCard({
      head: { ...head, subject: "TrainingApplication", number: "2026-0012" },
      item: { kind: "TrainingApplication", number: "2026-0012", memberName: "张三", course: "电工上岗证", provider: "区职业技能培训中心", startOn: "2026-04-01", endOn: "2026-04-30", requestedFen: 120000, reason: "失业后想学一门技术再就业。", status: "PENDING", decisionNote: null },
      closed: null,
    }),
  "escalation-suggestion": () =>
    escalationItemCard({
      head: { ...head, subject: "Suggestion", number: "2026-0015", memberName: null },
      item: { kind: "Suggestion", number: "2026-0015", suggestionKind: "CRITICISM", body: "支部活动通知太晚，老党员来不及安排。", status: "ANSWERED", answer: "今后提前一周在群里通知。", createdOn: "2026-03-01" },
      closed: null,
    }),
  "escalation-closed": () => escalationClosedCard({ toOrg: "磐东社区党委", subject: "HardshipEntry", number: null, memberName: "张三", raisedOn: "2026-03-05", closedBy: "赵书记", closedOn: "2026-03-08", answer: "已协调民政临时救助 2000 元。" }),
  "escalation-hardship-counts": () =>
    hardshipCountsCard({
      orgName: "磐东社区党委",
      year: 2026,
      openRaised: 1,
      rows: [
        { branch: "磐东居委第一党支部", active: 3, special: 1, serious: 1, due: 1, resolved: 2 },
        { branch: "磐东居委第二党支部", active: 1, special: 0, serious: 0, due: 0, resolved: 0 },
      ],
    }),
};
