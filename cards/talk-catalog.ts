// Sample data for every talk and review card, spread into cards/catalog.ts.
import type { Card } from "./kit.ts";
import { talkAnalysisCard } from "./talk-analysis.ts";
import { WORK_FIGURES_SAMPLE } from "./work-catalog.ts";
import { talkAssignCard } from "./talk-assign.ts";
import type { TalkBoard } from "../src/domain/talk-board.ts";
import { talkBoardCard } from "./talk-board.ts";
import { talkEscalationCard } from "./talk-escalation.ts";
import { talkFormCard, talkRecordedCard } from "./talk-form.ts";
import { myTalksCard } from "./talk-mine.ts";
import { talkCorrectFormCard } from "./talk-correct.ts";
import { talkNotesCard } from "./talk-notes.ts";
import { PEER_TALK_SAMPLES } from "./peer-talk.ts";
import { hardshipReviewCard, hardshipReviewedCard } from "./talk-review.ts";
import { urgentOverdueCard, urgentTalkCard } from "./talk-urgent.ts";

const board: TalkBoard = {
  mode: "digest",
  leaderName: "李明",
  today: "2027-03-01",
  tasks: [{ taskId: 7, memberId: 5, name: "张三", reason: "AID_REQUEST", note: "生活困难", dueOn: "2027-03-04", daysLeft: 3 }],
  members: [
    { memberId: 6, name: "李四", lastTalkOn: "2026-02-10", dueOn: "2027-02-10", standing: "overdue", daysLeft: -19 },
    { memberId: 7, name: "王五", lastTalkOn: null, dueOn: "2027-03-10", standing: "soon", daysLeft: 9 },
  ],
  followUps: [{ id: 3, memberName: "赵六", description: "协助联系社区就业培训", dueOn: "2027-03-02", daysLeft: 1 }],
};
const urgent = { taskId: 7, memberId: 5, memberName: "张三", reason: "FLAGGED", note: "家中失火", dueOn: "2027-03-04", leaderName: "李明" };
const review = {
  entryId: 2,
  reviewOn: "2027-03-05",
  memberName: "张三",
  orgName: "磐东居委第一党支部",
  level: "SERIOUS" as const,
  causes: ["ILLNESS" as const],
  household: "本人患慢性病，配偶务农，一子在读。",
  openedOn: "2026-09-05",
  suggestedNext: "2027-09-05",
};

export const TALK_CARDS: Record<string, () => Card> = {
  ...PEER_TALK_SAMPLES,
  "talk-digest": () => talkBoardCard(board),
  "talk-list": () => talkBoardCard({ ...board, mode: "list", notice: { zh: "✅ 已记录 2027-03-01 与赵六的谈话。", en: "✅ Talk with 赵六 recorded." } }),
  "talk-form": () => talkFormCard({ memberId: 6, memberName: "李四", lastTalkOn: "2026-02-10", today: "2027-03-01", back: "digest" }),
  "talk-form-urgent": () =>
    talkFormCard({ memberId: 5, memberName: "张三", lastTalkOn: null, today: "2027-03-01", back: "task", task: { id: 7, reason: "AID_REQUEST", note: "生活困难", dueOn: "2027-03-04" } }),
  "talk-recorded": () => talkRecordedCard({ memberName: "张三", heldOn: "2027-03-02", followUps: 1 }),
  "talk-urgent": () => urgentTalkCard({ ...urgent, kind: "new" }),
  "talk-urgent-reminder": () => urgentTalkCard({ ...urgent, kind: "reminder" }),
  "talk-urgent-overdue": () => urgentOverdueCard({ ...urgent, daysLate: 2 }),
  "talk-escalation": () =>
    talkEscalationCard({
      orgName: "磐东居委第一党支部",
      today: "2027-03-01",
      overdue: [{ memberName: "周八", leaderName: "陈芳", lastTalkOn: "2025-12-20", dueOn: "2026-12-20", daysLate: 71 }],
      unassigned: [{ memberName: "钱多多", dueOn: "2027-03-08", daysLeft: 7 }],
      lateTasks: [{ memberName: "张三", leaderName: "李明", reason: "AID_REQUEST", dueOn: "2027-02-26", daysLate: 3 }],
    }),
  "talk-assign": () =>
    talkAssignCard({
      members: [
        { id: 5, name: "张三", leaderName: "李明" },
        { id: 19, name: "钱多多", leaderName: null },
      ],
      leaders: [
        { id: 2, name: "李明", count: 5 },
        { id: 3, name: "陈芳", count: 5 },
      ],
    }),
  "talk-mine": () =>
    myTalksCard({
      name: "张三",
      leaderName: "李明",
      nextDueOn: "2027-06-02",
      urgentOpen: false,
      talks: [{ heldOn: "2027-03-02", leaderName: "李明", form: "IN_PERSON" }],
      peerTalks: { viewerId: 5, talks: [{ heldOn: "2027-02-20", form: "PHONE", recordedById: 5, recordedByName: "张三", peerId: 6, peerName: "李四", notes: "交流了学习体会，互相提了意见。" }] },
    }),
  "talk-notes": () =>
    talkNotesCard({
      memberName: "张三",
      talks: [
        {
          heldOn: "2027-03-02",
          leaderName: "李明",
          form: "IN_PERSON",
          thinking: "思想稳定，积极参加支部活动。",
          work: "暂时失业，正在找工作。",
          life: "母亲住院，经济压力较大。",
          concerns: "希望得到就业培训信息。",
          concernAreas: ["WORK", "LIFE"],
          followUps: [{ description: "协助联系社区就业培训", dueOn: "2027-03-16", done: false }],
          id: 12,
          correctable: true,
          revised: "2027-03-03 09:10",
        },
        {
          heldOn: "2026-09-20",
          leaderName: "王建国",
          form: "PHONE",
          thinking: null,
          work: "在物流公司工作稳定。",
          life: null,
          concerns: null,
          concernAreas: [],
          followUps: [],
          id: 5,
          correctable: false,
        },
      ],
      today: "2027-03-05",
    }),
  "talk-correct-form": () =>
    talkCorrectFormCard({
      talkId: 12,
      memberName: "张三",
      recordedAt: "2027-03-02 16:00",
      until: "2027-03-09 16:00",
      heldOn: "2027-03-02",
      form: "IN_PERSON",
      thinking: "思想稳定，积极参加支部活动。",
      work: "暂时失业，正在找工作。",
      life: "母亲住院，经济压力较大。",
      concerns: "希望得到就业培训信息。",
      concernAreas: ["WORK", "LIFE"],
    }),
  "talk-review": () => hardshipReviewCard(review),
  "talk-review-escalated": () => hardshipReviewCard({ ...review, banner: { zh: "⚠️ 磐东居委第一党支部的这份档案复核已逾期 9 天，请督促或代为复核。", en: "⚠️ This review is 9 days overdue." } }),
  "talk-reviewed": () => hardshipReviewedCard({ memberName: "张三", decision: "keep", byName: "王建国", nextReviewOn: "2027-09-05" }),
  "talk-analysis": () =>
    talkAnalysisCard(
      {
        orgId: 3,
        orgName: "磐东居委第一党支部",
        period: { label: "2027Q1", start: "2027-01-01", end: "2027-03-31" },
        asOf: "2027-03-31",
        members: 16,
        current: 14,
        overdue: [{ memberName: "周八", leaderName: "陈芳", dueOn: "2026-12-20", daysLate: 101 }],
        unassigned: 1,
        talks: { count: 9, members: 8, byForm: { IN_PERSON: 6, PHONE: 2, VIDEO: 1 } },
        concerns: { THINKING: 1, WORK: 3, LIFE: 4 },
        followUps: { open: 3, overdue: 1, doneInPeriod: 2, items: [] },
        urgent: { opened: 2, done: 2, open: 0 },
        archive: { active: { GENERAL: 1, SERIOUS: 1, SPECIAL: 0 }, resolved: 1, resolvedInPeriod: 1, reviewsOverdue: 0 },
        aidPaid: { year: 2027, bySource: { LOCAL_FINANCE: 200000, PARTY_FEE: 50000, DONATION: 30000 }, totalFen: 280000 },
        work: WORK_FIGURES_SAMPLE,
        peerTalks: { count: 5, members: 7 },
      },
      { orgCode: "pd-jw-1" },
    ),
};
