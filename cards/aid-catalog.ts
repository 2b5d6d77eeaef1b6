// The aid flow's cards with sample data, spread into CARD_CATALOG (cards/catalog.ts).
import { approvalCard, openRequestsCard, type ApprovalView } from "./aid-approval.ts";
import { disclosureCancelledCard, disclosureCard, disclosurePreviewCard, fundCard, type DisclosureData } from "./aid-fund.ts";
import { hardshipEntryCard, hardshipListCard, hardshipOpenFormCard } from "./aid-hardship.ts";
import { aidReceiptCard, type ReceiptView } from "./aid-receipt.ts";
import { aidInfoAnsweredCard, aidInfoClosedCard, aidInfoRequestCard, aidMineCard, aidRequestFormCard, aidResultCard } from "./aid-request.ts";
import { aidReversedCard, reversalFormCard } from "./aid-reversal.ts";
import type { Card } from "./kit.ts";
import { talkMineSection } from "./mine.ts";

const basics = { number: "2026-0007", category: "ILLNESS" as const, urgency: "URGENT" as const, description: "母亲住院手术，医疗费用困难。", requestedFen: 200000 };
const balances = { LOCAL_FINANCE: 1_000_000, PARTY_FEE: 300_000, DONATION: 50_000 };
const pending: ApprovalView = {
  requestId: 7,
  basics,
  status: "PENDING",
  member: { name: "张三", branch: "磐东居委第一党支部", tags: ["OLD_MEMBER"] },
  filedAt: "2026-03-05 14:07",
  filedBy: null,
  year: 2026,
  received: { totalFen: 80000, count: 1 },
  hardship: { status: "ACTIVE", level: "SERIOUS", nextReviewOn: "2026-09-30" },
  balances,
  conversation: [],
  decision: null,
  ceilingFen: 5_000_000,
};
const noReversals = { reversedPaidFen: 0, reversedPaidCount: 0, reversedIncomeFen: 0, reversedIncomeCount: 0 };
const disclosureSample: DisclosureData = {
  orgName: "磐东居委第一党支部",
  year: 2026,
  rows: [
    { ...noReversals, source: "LOCAL_FINANCE", openingFen: 0, incomeFen: 1_000_000, incomeCount: 1, disbursedFen: 0, disbursedCount: 0, closingFen: 1_000_000 },
    { ...noReversals, source: "PARTY_FEE", openingFen: 200_000, incomeFen: 300_000, incomeCount: 1, disbursedFen: 250_000, disbursedCount: 2, reversedPaidFen: 50_000, reversedPaidCount: 1, closingFen: 300_000 },
    { ...noReversals, source: "DONATION", openingFen: 0, incomeFen: 50_000, incomeCount: 2, disbursedFen: 0, disbursedCount: 0, closingFen: 50_000 },
  ],
  total: { ...noReversals, openingFen: 200_000, incomeFen: 1_350_000, incomeCount: 4, disbursedFen: 250_000, disbursedCount: 2, reversedPaidFen: 50_000, reversedPaidCount: 1, closingFen: 1_350_000 },
  asOf: "2026-03-05 16:00",
};
/** 6 payments for illness and 4 visits listed; 1 for a disaster and 2 for living together under 其他; no month of 3. */
const disclosureWithBreakdown: DisclosureData = {
  ...disclosureSample,
  breakdown: {
    byCategory: { shown: [{ key: "ILLNESS", count: 6, fen: 1_200_000 }, { key: "VISIT", count: 4, fen: 80_000 }], rest: { count: 3, fen: 480_000 }, withheld: true },
    byMonth: { shown: [], rest: null, withheld: true },
  },
};
const reversal = { by: "王建国", at: "2026-03-10 10:00", reason: "重复发放，款项已退回" };
const decision = { status: "APPROVED" as const, amountFen: 200000, source: "PARTY_FEE" as const, note: "按标准补助", by: "王建国", at: "2026-03-05 15:10" };

const receipt: ReceiptView = {
  ...basics,
  requestId: 7,
  status: "PENDING",
  filedAt: "2026-03-05 14:07",
  deciders: "sent",
  timeline: [{ at: "2026-03-05 14:07", type: "FILED", actor: "张三", note: null }],
  decision: null,
  withdrawn: null,
  nextUrgeDay: null,
};

export const AID_CARDS: Record<string, () => Card> = {
  "aid-request-form": () => aidRequestFormCard({ ceilingFen: 5_000_000 }),
  "aid-request-form-on-behalf": () => aidRequestFormCard({ ceilingFen: 5_000_000, forPerson: { id: 9, name: "冯兰" } }),
  "aid-receipt": () => aidReceiptCard(receipt),
  "aid-receipt-sole-decider": () => aidReceiptCard({ ...receipt, deciders: "sole" }),
  "aid-receipt-urged": () => aidReceiptCard({ ...receipt, timeline: [...receipt.timeline, { at: "2026-03-09 09:30", type: "URGED", actor: "张三", note: null }], nextUrgeDay: "2026-03-10" }),
  "aid-receipt-needs-info": () =>
    aidReceiptCard({ ...receipt, status: "NEEDS_INFO", forName: "冯兰", timeline: [...receipt.timeline, { at: "2026-03-05 15:00", type: "INFO_REQUESTED", actor: "王建国", note: "请提供住院证明" }] }),
  "aid-receipt-approved": () =>
    aidReceiptCard({ ...receipt, status: "APPROVED", decision, timeline: [...receipt.timeline, { at: "2026-03-05 15:10", type: "APPROVED", actor: "王建国", note: "按标准补助" }] }),
  "aid-receipt-rejected": () =>
    aidReceiptCard({ ...receipt, status: "REJECTED", decision: { ...decision, status: "REJECTED", amountFen: null, source: null, note: "不属于帮扶范围" }, timeline: [...receipt.timeline, { at: "2026-03-05 15:10", type: "REJECTED", actor: "王建国", note: "不属于帮扶范围" }] }),
  "aid-receipt-withdrawn": () =>
    aidReceiptCard({ ...receipt, status: "CANCELLED", withdrawn: { by: "张三", at: "2026-03-06 08:15" }, timeline: [...receipt.timeline, { at: "2026-03-06 08:15", type: "WITHDRAWN", actor: "张三", note: null }] }),
  "aid-receipt-reversed": () => aidReceiptCard({ ...receipt, status: "REVERSED", decision: { ...decision, reversal } }),
  "aid-approval-pending": () => approvalCard(pending),
  "aid-approval-attachments": () =>
    approvalCard({
      ...pending,
      attachments: [
        { id: 31, kind: "IMAGE", fileName: null, sizeBytes: 356_000, cardImageKey: "img_v3_sample_bill", at: "2026-03-05 14:20" },
        { id: 32, kind: "FILE", fileName: "住院费用清单.pdf", sizeBytes: 1_250_000, cardImageKey: null, at: "2026-03-05 14:22" },
      ],
    }),
  "aid-approval-needs-info": () =>
    approvalCard({
      ...pending,
      status: "NEEDS_INFO",
      filedBy: "李明",
      conversation: [{ at: "2026-03-05 15:00", type: "INFO_REQUESTED", actor: "王建国", note: "请提供住院证明" }],
    }),
  "aid-approval-approved": () => approvalCard({ ...pending, status: "APPROVED", hardship: { status: "NONE" }, decision }),
  "aid-approval-rejected": () => approvalCard({ ...pending, status: "REJECTED", decision: { ...decision, status: "REJECTED", amountFen: null, source: null, note: "不属于帮扶范围" } }),
  "aid-open-requests": () =>
    openRequestsCard({ items: [{ requestId: 7, number: "2026-0007", name: "张三", category: "ILLNESS", urgency: "URGENT", status: "PENDING", requestedFen: 200000, filedAt: "2026-03-05 14:07" }] }),
  "aid-info-request": () => aidInfoRequestCard({ requestId: 7, number: "2026-0007", question: "请提供住院证明", askedBy: "王建国", askedAt: "2026-03-05 15:00" }),
  "aid-info-answered": () => aidInfoAnsweredCard({ number: "2026-0007", question: "请提供住院证明", answer: "已拍照上传", at: "2026-03-05 16:00" }),
  "aid-info-closed": () => aidInfoClosedCard({ number: "2026-0007", status: "APPROVED" }),
  "aid-result-approved": () => aidResultCard({ number: "2026-0007", category: "ILLNESS", decision }),
  "aid-result-rejected": () => aidResultCard({ number: "2026-0008", category: "LIVING", forName: "冯兰", decision: { ...decision, status: "REJECTED", amountFen: null, source: null, note: "不属于帮扶范围" } }),
  "mine-empty": () => aidMineCard({ name: "张三", items: [], more: [] }),
  "mine-talk-only": () => aidMineCard({ name: "张三", items: [], more: talkMineSection({ last: { heldOn: "2027-03-02", leaderName: "李明", form: "IN_PERSON" }, count: 3, today: "2027-03-10" }) }),
  "aid-mine": () =>
    aidMineCard({
      name: "张三",
      items: [
        {
          ...basics,
          status: "APPROVED",
          approvedFen: 200000,
          events: [
            { at: "2026-03-05 14:07", type: "FILED", actor: "张三", note: null },
            { at: "2026-03-05 15:10", type: "APPROVED", actor: "王建国", note: "按标准补助" },
          ],
        },
      ],
    }),
  "aid-fund": () =>
    fundCard({
      orgId: 3,
      orgName: "磐东居委第一党支部",
      year: 2026,
      balances,
      recent: [
        { id: 14, at: "2026-03-06 09:30", kind: "INCOME", source: "DONATION", amountFen: 45_000, party: "李先生", requestNumber: null, note: null, reason: "更正流水 #12：金额录入错误", reverses: null, reversed: false },
        { id: 13, at: "2026-03-06 09:30", kind: "REVERSAL", source: "DONATION", amountFen: 54_000, party: "李先生", requestNumber: null, note: "冲正流水 #12", reason: "金额录入错误", reverses: { id: 12, kind: "INCOME" }, reversed: false },
        { id: 12, at: "2026-03-05 18:00", kind: "INCOME", source: "DONATION", amountFen: 54_000, party: "李先生", requestNumber: null, note: null, reason: null, reverses: null, reversed: true },
        { id: 11, at: "2026-03-05 15:10", kind: "DISBURSEMENT", source: "PARTY_FEE", amountFen: 200000, party: "张三", requestNumber: "2026-0007", note: null, reason: null, reverses: null, reversed: false },
        { id: 10, at: "2026-01-10 09:00", kind: "INCOME", source: "LOCAL_FINANCE", amountFen: 1_000_000, party: "磐东街道办事处", requestNumber: null, note: "年度拨付", reason: null, reverses: null, reversed: false },
      ],
      canCorrect: true,
    }),
  "aid-disclosure": () => disclosureCard(disclosureSample),
  "aid-disclosure-breakdown": () => disclosureCard(disclosureWithBreakdown),
  "aid-disclosure-preview": () => disclosurePreviewCard(disclosureWithBreakdown, { kind: "preview", orgId: 3, check: "0123456789abcdef" }),
  "aid-disclosure-posted": () => disclosurePreviewCard(disclosureWithBreakdown, { kind: "posted", at: "2026-12-03 14:05" }),
  "aid-disclosure-cancelled": () => disclosureCancelledCard({ orgName: "磐东居委第一党支部", year: 2026 }),
  "aid-approval-reversed": () => approvalCard({ ...pending, status: "REVERSED", decision: { ...decision, reversal } }),
  "aid-reversal-form-payment": () =>
    reversalFormCard({ entryId: 11, back: "aid", kind: "DISBURSEMENT", source: "PARTY_FEE", amountFen: 200000, at: "2026-03-05 15:10", orgName: "磐东居委第一党支部", party: "张三", note: null, paidFor: { kind: "aid", number: "2026-0007" }, balanceFen: 100000 }),
  "aid-reversal-form-income": () =>
    reversalFormCard({ entryId: 12, back: "fund", kind: "INCOME", source: "DONATION", amountFen: 54_000, at: "2026-03-05 18:00", orgName: "磐东居委第一党支部", party: "李先生", note: null, paidFor: null, balanceFen: 20_000 }),
  "aid-reversed-notice": () => aidReversedCard({ number: "2026-0007", category: "ILLNESS", amountFen: 200000, reversal }),
  "hardship-list": () =>
    hardshipListCard({
      orgName: "磐东居委第一党支部",
      items: [{ entryId: 1, name: "张三", status: "ACTIVE", level: "SERIOUS", causes: ["ILLNESS"], nextReviewOn: "2026-09-30", overdue: false }],
    }),
  "hardship-entry": () =>
    hardshipEntryCard({
      entryId: 1,
      name: "张三",
      branch: "磐东居委第一党支部",
      status: "ACTIVE",
      level: "SERIOUS",
      causes: ["ILLNESS", "OLD_AGE"],
      household: "独居，子女在外地。",
      nextReviewOn: "2026-09-30",
      overdue: false,
      openedFrom: "2026-0007",
      resolvedReason: null,
      history: [
        { at: "2026-03-05 15:20", actor: "王建国", action: "OPENED", changes: { level: "GENERAL", causes: ["ILLNESS"] } },
        { at: "2026-04-01 10:00", actor: "王建国", action: "UPDATED", changes: { level: ["GENERAL", "SERIOUS"] } },
      ],
    }),
  "hardship-open-form": () => hardshipOpenFormCard({ personId: 5, name: "张三", fromRequest: { id: 7, number: "2026-0007" }, causes: ["ILLNESS"], level: "GENERAL", nextReviewOn: "2027-03-05" }),
};
