// Sample data for the audit-reading cards (谁看过我的档案, 查阅记录), for the sandbox's render
// test through cards/catalog.ts.
import { auditMineCard, auditOfMemberCard, type AuditLineView } from "./audit-lines.ts";
import type { Card } from "./kit.ts";

const LINES: AuditLineView[] = [
  { when: "2026-12-03 09:30", who: { zh: "王建国（支部书记）", en: "王建国 (branch secretary)" }, what: { zh: "查看了您的困难档案", en: "viewed your hardship file" } },
  { when: "2026-12-02 16:05", who: { zh: "李明（支委）", en: "李明 (branch committee member)" }, what: { zh: "记录了与您的谈心", en: "recorded a talk with you" } },
  { when: "2026-11-28 10:12", who: { zh: "王建国（支部书记）", en: "王建国 (branch secretary)" }, what: { zh: "修改了您的困难档案（家庭情况）", en: "changed your hardship file (household)" } },
  { when: "2026-11-20 09:00", who: { zh: "同心系统（送交审批）", en: "Tongxin (routing)" }, what: { zh: "将您的求助 2026-0007 送交审批", en: "sent your request 2026-0007 for a decision" } },
];

const OF_MEMBER: AuditLineView[] = LINES.map((l) => ({ ...l, what: { zh: l.what.zh.replace("您", "张三"), en: l.what.en.replace(/your|you/, "张三's") } }));

export const AUDIT_CARDS: Record<string, () => Card> = {
  "audit-mine": () => auditMineCard({ lines: LINES, windowDays: 90, more: { c: 1234, t: 1764000000000 } }),
  "audit-mine-none": () => auditMineCard({ lines: [], windowDays: 90, more: null }),
  "audit-mine-earlier": () => auditMineCard({ lines: LINES.slice(2), windowDays: null, more: null }),
  "audit-of-member": () => auditOfMemberCard({ memberId: 7, member: "张三", branch: "磐东居委第一党支部", filter: "all", lines: OF_MEMBER, windowDays: 90, more: { c: 1234, t: 1764000000000 } }),
  "audit-of-member-views": () => auditOfMemberCard({ memberId: 7, member: "张三", branch: "磐东居委第一党支部", filter: "view", lines: [], windowDays: 90, more: null }),
  "audit-of-member-exported": () =>
    auditOfMemberCard({ memberId: 7, member: "张三", branch: "磐东居委第一党支部", filter: "change", lines: OF_MEMBER.slice(1, 3), windowDays: 90, more: null, exported: { fileName: "查阅记录-张三-2026-12-03.xlsx", count: 12, sent: true } }),
};
