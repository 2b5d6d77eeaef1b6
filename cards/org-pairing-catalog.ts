// Sample data for every 组织结对 card, spread into cards/catalog.ts (the sandbox renders them all).
import type { Card } from "./kit.ts";
import {
  orgPairingActivityCard,
  orgPairingActivityFormCard,
  orgPairingAnswerCard,
  orgPairingAnsweredCard,
  orgPairingCreatedCard,
  orgPairingEndedCard,
  orgPairingEndFormCard,
  orgPairingFormCard,
  orgPairingListCard,
  orgPairingNoticeCard,
  orgPairingProposalCard,
  orgPairingReminderCard,
  type PairingLine,
  type PairingSummary,
} from "./org-pairing.ts";

const rural: PairingLine = {
  id: 3,
  partner: "石门村党支部",
  outside: false,
  kind: "URBAN_RURAL",
  status: "ACTIVE",
  startOn: "2026-03-01",
  endOn: null,
  purpose: "帮助发展村集体经济，结对开展主题党日",
  ours: [{ side: "OWN", name: "王建国", phone: "13800001111", duty: "书记" }],
  theirs: [{ side: "PARTNER", name: "李春生", phone: null, duty: "书记" }],
  lastActivity: "2026-11-20",
  activitiesThisQuarter: 2,
  canAnswer: false,
};
const bureau: PairingLine = { ...rural, id: 4, partner: "区住房和建设局机关党委", kind: "DEPARTMENT_BRANCH", status: "PROPOSED", purpose: null, theirs: [], lastActivity: null, activitiesThisQuarter: 0, canAnswer: true };
const outside: PairingLine = { ...rural, id: 5, partner: "磐东供电所", outside: true, kind: "ORG_HELP", lastActivity: null, activitiesThisQuarter: 0 };
const summary: PairingSummary = { id: 3, orgName: "磐东居委第一党支部", partner: "石门村党支部", outside: false, kind: "URBAN_RURAL", status: "ACTIVE", startOn: "2026-03-01", purpose: "帮助发展村集体经济" };

export const ORG_PAIRING_CARDS: Record<string, () => Card> = {
  "org-pairing-list": () =>
    orgPairingListCard({
      orgId: 1,
      orgName: "磐东居委第一党支部",
      today: "2026-12-03",
      quarter: { zh: "本季度：2026年第四季度", en: "this quarter: 2026 Q4" },
      pairings: [rural, bureau, outside],
      closed: [{ ...rural, id: 2, partner: "旧村党支部", status: "ENDED" }],
      done: { zh: "结对已建立。", en: "Pairing set up." },
    }),
  "org-pairing-list-empty": () => orgPairingListCard({ orgId: 1, orgName: "磐东社区党委", today: "2026-12-03", quarter: { zh: "本季度：2026年第四季度", en: "this quarter: 2026 Q4" }, pairings: [], closed: [] }),
  "org-pairing-form": () => orgPairingFormCard({ orgId: 1, orgName: "磐东居委第一党支部", today: "2026-12-03", ownName: "王建国", ownDuty: "书记" }),
  "org-pairing-created": () => orgPairingCreatedCard(summary),
  "org-pairing-created-proposed": () => orgPairingCreatedCard({ ...summary, status: "PROPOSED", partner: "区住房和建设局机关党委" }),
  "org-pairing-notice": () => orgPairingNoticeCard({ ...summary, proposerName: "王建国" }),
  "org-pairing-proposal": () => orgPairingProposalCard({ ...summary, status: "PROPOSED", proposerName: "王建国" }),
  "org-pairing-answered": () => orgPairingAnsweredCard({ ...summary, answeredBy: "李春生" }),
  "org-pairing-answer-declined": () => orgPairingAnswerCard({ ...summary, status: "DECLINED", answeredBy: "李春生", partnerOrgName: "石门村党支部" }),
  "org-pairing-activity-form": () => orgPairingActivityFormCard({ today: "2026-12-03", choices: [{ id: 3, label: "磐东居委第一党支部 ⇄ 石门村党支部" }, { id: 5, label: "磐东居委第一党支部 ⇄ 磐东供电所" }], initial: 3 }),
  "org-pairing-activity": () =>
    orgPairingActivityCard({ recorderOrg: "磐东居委第一党支部", recorderName: "王建国", pairing: "磐东居委第一党支部 ⇄ 石门村党支部", heldOn: "2026-11-20", content: "联合开展主题党日，走访村里 5 户困难党员", participants: 18, notice: true }),
  "org-pairing-end-form": () => orgPairingEndFormCard({ ...summary, viewerOrg: 1 }),
  "org-pairing-ended": () => orgPairingEndedCard({ ...summary, status: "ENDED", endedBy: "王建国", endedOrg: "磐东居委第一党支部", reason: "村支部已合并", endOn: "2026-12-03" }),
  "org-pairing-reminder": () => orgPairingReminderCard({ pairingId: 3, name: "王建国", ownOrg: "磐东居委第一党支部", partner: "石门村党支部", kind: "URBAN_RURAL", quarter: { zh: "2026年第四季度", en: "2026 Q4" }, quarterEnd: "2026-12-31", lastActivity: "2026-09-18" }),
};
