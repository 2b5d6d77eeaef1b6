// Sample data for every membership-change card, spread into cards/catalog.ts (the sandbox renders them all).
import type { Card } from "./kit.ts";
import { rosterReviewCard, rosterReviewedCard } from "./roster-review.ts";
import type { ReviewItem } from "../src/domain/roster-review.ts";
import { changeCancelledCard, changeConfirmCard, changeDoneCard, changeNoticeCard, changeRevertedCard, type ChangeSummary } from "./membership-change.ts";

const transfer: ChangeSummary = {
  kind: { zh: "组织关系转出", en: "transfer out" },
  memberName: "张三",
  orgName: "磐东居委第一党支部",
  effectiveOn: "2026-12-01",
  otherOrgName: "磐东居委第二党支部",
  inSystem: true,
  direction: "out",
  note: "随子女迁居",
};
const effects = [
  { zh: "终止其在磐东居委第一党支部的 1 项身份（历史记录保留，仍可在台账和报表中查阅）", en: "end their 1 role(s) in the branch" },
  { zh: "谈心记录 3 项随转至磐东居委第二党支部", en: "3 talk records move to the second branch" },
  { zh: "未完成的谈心任务 1 项将关闭", en: "1 open talk task will be closed" },
];

const reviewItems: ReviewItem[] = [
  { kind: "missing", personId: 21, name: "孙立", mobile: "13800001111", roles: ["MEMBER"], membershipIds: [31], toOrgId: null, toOrgName: null },
  { kind: "moved", personId: 22, name: "周敏", mobile: "13800002222", roles: ["MEMBER", "LEADER"], membershipIds: [32, 33], toOrgId: 2, toOrgName: "磐东居委第二党支部" },
  { kind: "roles", personId: 23, name: "吴刚", mobile: null, roles: ["SECRETARY"], membershipIds: [34], toOrgId: null, toOrgName: null },
];

export const ROSTER_CARDS: Record<string, () => Card> = {
  "roster-review": () => rosterReviewCard({ reviewId: 5, orgName: "磐东居委第一党支部", file: "名册2026.xlsx", importedOn: "2026-12-03", items: reviewItems }),
  "roster-reviewed": () => rosterReviewedCard({ orgName: "磐东居委第一党支部", decision: "confirm", byName: "王建国", items: reviewItems, skipped: ["吴刚"] }),
  "membership-change-confirm": () =>
    changeConfirmCard({
      summary: transfer,
      effects,
      hints: [{ zh: "其承担的 2 项走访需改派（发送「走访改派」）", en: "2 visits they were to make need another visitor" }],
      value: { k: "TRANSFER_OUT", p: 12, o: 1, d: "2026-12-01", to: 2 },
    }),
  "membership-change-done": () => changeDoneCard({ summary: transfer, changeId: 7, effects, undoUntil: "2026-12-31" }),
  "membership-change-done-expired": () =>
    changeDoneCard({
      summary: { ...transfer, kind: { zh: "党员去世", en: "death" }, otherOrgName: null, inSystem: false, direction: null, note: null },
      changeId: 8,
      effects: [{ zh: "已安排慰问家属走访：李明，请于 2026-12-04 前走访", en: "condolence visit: 李明, by 2026-12-04" }],
      undoUntil: null,
    }),
  "membership-change-cancelled": () => changeCancelledCard({ zh: "停止党籍", en: "membership suspended" }),
  "membership-change-reverted": () => changeRevertedCard({ summary: transfer, notRestored: 1 }),
  "membership-change-notice": () => changeNoticeCard({ secretaryName: "赵书记", byName: "王建国", summary: transfer, effects, receiving: true, reverted: false }),
  "membership-change-transfer-in": () =>
    changeConfirmCard({
      summary: { kind: { zh: "组织关系转入", en: "transfer in" }, memberName: "李四", mobileTail: "1234", orgName: "磐东居委第一党支部", effectiveOn: "2026-12-01", otherOrgName: "某市某党支部", inSystem: false, direction: "in", note: null },
      effects: [{ zh: "新建党员「李四」，成为磐东居委第一党支部党员，自 2026-12-01 起", en: "add 李四 as a member from 2026-12-01" }],
      hints: [],
      value: { k: "TRANSFER_IN", o: 1, d: "2026-12-01", nm: "李四", mb: "13800001234", tn: "某市某党支部" },
    }),
};
