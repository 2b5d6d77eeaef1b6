// Sample data for the work-care cards (培训支持、培训记录、就业帮扶、表彰、提问、我的), for the
// sandbox's render test through cards/catalog.ts.
import type { WorkFigures } from "../src/domain/work-report.ts";
import { commendAnnouncementCard, commendDecisionCard, commendFormCard, commendListCard, commendReceiptCard, commendResultCard, type CommendView } from "./commend.ts";
import { jobPostFormCard, jobPostReceiptCard } from "./job-post.ts";
import { jobCaseClosedCard, jobCheckedCard, jobCheckInCard, jobPushCard, jobSeekFormCard, jobSeekReceiptCard, type PostingView } from "./job-seek.ts";
import { questionForAskerCard, questionForSecretaryCard, type ThreadLine } from "./question.ts";
import { trainingDecisionCard, trainingFormCard, trainingReceiptCard, trainingResultCard, type TrainingView } from "./training-apply.ts";
import { trainingRecordedCard, trainingRecordFormCard } from "./training-record.ts";
import { trainingReversedCard } from "./training-reversal.ts";
import { workAnalysisElements } from "./work-analysis.ts";
import { aidMineCard } from "./aid-request.ts";
import { workMineSections } from "./work-mine.ts";
import { exportMenuCard } from "./export-menu.ts";
import { card, type Card } from "./kit.ts";

export const WORK_FIGURES_SAMPLE: WorkFigures = {
  training: {
    year: 2027,
    members: 16,
    trained: 11,
    workers: 2,
    workersTrained: 2,
    byTopic: { THEORY: 9, LAW: 6, MARKET_ECONOMY: 0, PRACTICAL_SKILLS: 4, PARTY_AFFAIRS: 2, OTHER: 0 },
    sessionsInPeriod: 3,
    untrained: ["周八", "吴九", "郑十", "王婆婆", "李四"],
    applications: { filed: 2, approved: 1, subsidyFen: 80000 },
  },
  employment: {
    open: [{ memberName: "李四", leaderName: "陈芳", openedOn: "2027-01-10", daysOpen: 80, lastCheckInOn: "2027-03-10", pushes: 3 }],
    openedInPeriod: 2,
    employedInPeriod: 1,
    postingsInPeriod: 4,
  },
};

const training: TrainingView = {
  id: 12,
  label: "2027-0012",
  member: "张三",
  branch: "磐东居委第一党支部",
  course: "电工职业资格（中级）",
  provider: "揭阳市职业技能培训中心",
  startOn: "2027-03-01",
  endOn: "2027-05-30",
  costFen: 180000,
  asks: ["TIME_OFF", "SUBSIDY"],
  requestedFen: 80000,
  reason: "社区物业需要持证电工，支部同意我参加学习。",
  filedAt: "2027-02-20 10:15",
  status: "PENDING",
  decision: null,
};
const approved: TrainingView = { ...training, status: "APPROVED", decision: { status: "APPROVED", granted: ["TIME_OFF", "SUBSIDY"], subsidyFen: 80000, source: "PARTY_FEE", note: null, by: "王建国", at: "2027-02-21 09:00" } };
const fund = { year: 2027, received: { totalFen: 50000, count: 1 }, balances: { LOCAL_FINANCE: 500000, PARTY_FEE: 120000, DONATION: 30000 }, ceilingFen: 500000 };
const posting: PostingView = {
  type: "JOB",
  title: "物业维修电工 2 名",
  employer: "磐东物业公司",
  kinds: ["SKILLED_TRADE"],
  area: "榕城区",
  pay: "4500-5500 元/月",
  contact: "0663-1234567 陈经理",
  details: "持电工证，负责小区日常维修，包食宿。",
  postedAt: "2027-03-02 09:30",
};
const wishes = { skills: "电工证，会开车（C1）", kinds: ["SKILLED_TRADE" as const, "LOGISTICS" as const], area: "榕城区", wishes: "希望离家近" };
const commend: CommendView = {
  id: 3,
  label: "2027-0031",
  member: "李四",
  branch: "磐东居委第一党支部",
  nominator: "陈芳",
  title: "优秀共产党员",
  level: "BRANCH",
  deeds: "疫情期间连续 30 天参加社区志愿服务。",
  status: "PENDING",
  nominatedAt: "2027-06-20 10:00",
  awardedOn: null,
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
  revokedBy: null,
  revokedAt: null,
  revokeReason: null,
};
const commended: CommendView = { ...commend, status: "APPROVED", awardedOn: "2027-07-01", decidedBy: "王建国", decidedAt: "2027-06-25 15:00" };
const thread: ThreadLine[] = [
  { who: "张三", fromAsker: true, at: "2027-03-01 20:00", body: "今年的党费标准有变化吗？" },
  { who: "王建国", fromAsker: false, at: "2027-03-02 09:10", body: "没有变化，按月收入的 0.5%–2% 交纳。" },
];

export const WORK_CARDS: Record<string, () => Card> = {
  "export-menu": () => exportMenuCard({ scope: ["磐东社区党委", "磐东居委第一党支部"], quarter: { label: "2027Q1", name: { zh: "2027年第一季度", en: "2027 Q1" } }, year: 2027 }),
  "training-form": () => trainingFormCard({ ceilingFen: 500000, today: "2027-02-20" }),
  "training-receipt": () => trainingReceiptCard({ ...training, deciderCount: 1 }),
  "training-decision": () => trainingDecisionCard({ ...training, ...fund }),
  "training-decided": () => trainingDecisionCard({ ...approved, ...fund }),
  "training-result": () => trainingResultCard({ ...approved, decision: approved.decision! }),
  "training-reversed": () => trainingDecisionCard({ ...approved, ...fund, status: "REVERSED", decision: { ...approved.decision!, reversal: { by: "王建国", at: "2027-03-01 10:00", reason: "课程取消，补贴已退回" } } }),
  "training-reversed-notice": () => trainingReversedCard({ label: "2027-0012", course: "电工职业资格（中级）", amountFen: 80000, reversal: { by: "王建国", at: "2027-03-01 10:00", reason: "课程取消，补贴已退回" } }),
  "training-record-form": () => trainingRecordFormCard({ orgId: 3, orgName: "磐东居委第一党支部", today: "2027-03-15", people: [{ id: 1, name: "张三", worker: false }, { id: 2, name: "陈芳", worker: true }] }),
  "training-recorded": () => trainingRecordedCard({ title: "民法典专题讲座", topic: "LAW", heldOn: "2027-03-15", hours: 2, names: ["张三", "陈芳"] }),
  "job-seek-form": () => jobSeekFormCard({ forPerson: { id: 4, name: "李四" }, current: wishes }),
  "job-seek-receipt": () => jobSeekReceiptCard({ ...wishes, created: true, openedOn: "2027-01-10" }),
  "job-post-form": () => jobPostFormCard({ orgId: 3, orgName: "磐东居委第一党支部", seekers: 3 }),
  "job-post-receipt": () => jobPostReceiptCard({ posting, now: ["李四"], held: ["周八"], offline: ["王婆婆"] }),
  "job-push": () => jobPushCard({ caseId: 5, name: "李四", postings: [posting, { ...posting, type: "POLICY", title: "灵活就业社保补贴申领指南", employer: null, kinds: [], area: null, pay: null, contact: null }] }),
  "job-check-in": () => jobCheckInCard({ ...wishes, caseId: 5, memberName: "李四", orgName: "磐东居委第一党支部", openedOn: "2027-01-10", lastCheckInOn: "2027-02-12", pushes: 3 }),
  "job-checked": () => jobCheckedCard({ memberName: "李四", on: "2027-03-12", note: "已面试两家单位" }),
  "job-closed": () => jobCaseClosedCard({ memberName: "李四", status: "EMPLOYED", outcome: "磐东物业公司 维修电工", on: "2027-03-20" }),
  "commend-form": () => commendFormCard({ person: { id: 4, name: "李四" }, orgName: "磐东居委第一党支部" }),
  "commend-receipt": () => commendReceiptCard({ ...commend, deciderCount: 1 }),
  "commend-decision": () => commendDecisionCard({ ...commend, today: "2027-06-25" }),
  "commend-decided": () => commendDecisionCard({ ...commended, today: "2027-06-25" }),
  "commend-announcement": () => commendAnnouncementCard({ member: "李四", branch: "磐东居委第一党支部", title: "优秀共产党员", level: "BRANCH", deeds: commend.deeds, awardedOn: "2027-07-01" }),
  "commend-announcement-revoked": () => commendAnnouncementCard({ member: "李四", branch: "磐东居委第一党支部", title: "优秀共产党员", level: "BRANCH", deeds: commend.deeds, awardedOn: "2027-07-01", revoked: true }),
  "commend-result": () => commendResultCard(commended),
  "commend-list": () => commendListCard({ orgName: "磐东居委第一党支部", canOpen: true, items: [{ id: 3, label: "2027-0031", member: "李四", title: "优秀共产党员", level: "BRANCH", status: "APPROVED", awardedOn: "2027-07-01" }] }),
  "question-secretary": () => questionForSecretaryCard({ id: 7, label: "2027-0025", asker: "张三", branch: "磐东居委第一党支部", thread: thread.slice(0, 1), answered: false }),
  "question-asker": () => questionForAskerCard({ id: 7, label: "2027-0025", thread, answered: true }),
  // 我的: the aid engineer's card with the work-care sections appended, as the command sends it.
  "work-mine": () => {
    return aidMineCard({
      name: "张三",
      items: [],
      more: workMineSections({
      commendations: [{ title: "优秀共产党员", level: "BRANCH", status: "APPROVED", awardedOn: "2027-07-01", revokeReason: null }],
      applications: [{ label: "2027-0012", course: training.course, status: "APPROVED", asks: ["TIME_OFF", "SUBSIDY"], granted: ["TIME_OFF", "SUBSIDY"], subsidyFen: 80000, filedAt: "2027-02-20 10:15", note: null }],
      attended: [{ title: "民法典专题讲座", topic: "LAW", heldOn: "2027-03-15" }],
      employment: { status: "OPEN", openedOn: "2027-01-10", kinds: ["SKILLED_TRADE"], area: "榕城区", pushes: 3, lastCheckInOn: "2027-02-12", employedOn: null, outcome: null },
      questions: [{ label: "#4", asked: "今年的党费标准有变化吗？", at: "2027-03-01 20:00", status: "ANSWERED", lastAnswer: "没有变化。", messages: 2 }],
      }),
    });
  },
  "work-analysis-part": () => card({ title: { zh: "支部定期分析（培训与就业部分）", en: "Branch analysis (training and work)" }, elements: workAnalysisElements(WORK_FIGURES_SAMPLE) }),
};
