// Every recurring task of schedules.ts in words: its name, when it runs, and what a run did,
// for people watching the sandbox page or its terminal (task ids and cron strings say nothing to
// a branch secretary at a demo). Pure: a task's name and the object its run returned in, a Text
// out. test/jobs/schedule-labels.test.ts fails for a schedule without a label here.
import { BUILTIN_FESTIVALS } from "../domain/festivals.ts";
import type { Text } from "../domain/text.ts";
import type { AidReminderResult } from "./aid-reminders.ts";
import type { SuggestionReminderResult } from "./suggestion-reminder.ts";
import type { CommitteeDigestResult } from "./committee-digest.ts";
import type { OrgPairingReminderResult } from "./org-pairing-reminder.ts";
import type { runBranchReports } from "./branch-report.ts";
import type { CalendarCheckResult } from "./calendar-check.ts";
import type { runEmploymentCheckIns } from "./employment-checkin.ts";
import type { runHardshipReviews } from "./hardship-review.ts";
import type { runWeeklyJobPush } from "./job-weekly.ts";
import type { recoverPending } from "./recovery.ts";
import type { TalkSweepResult } from "./talk-sweep.ts";
import type { runUrgentTalks } from "./talk-urgent.ts";
import type { DropResult } from "./drop-expired-exports.ts";
import type { EraseResult } from "./erase-departed.ts";
import type { PruneResult } from "./prune-payloads.ts";
import type { ContactResult } from "./visit-contacts.ts";
import type { OverdueResult } from "./visit-overdue.ts";
import type { PlanResult } from "./visit-planner.ts";
import type { YearReminderResult } from "./year-report-reminder.ts";

const t = (zh: string, en: string): Text => ({ zh, en });
/** "1 leader", "3 leaders". */
const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export interface ScheduleLabel<R = never> {
  name: Text;
  /** When it runs, in words; the times agree with the schedule's cron pattern (the test checks). */
  when: Text;
  /** What one run did, as a sentence. */
  said(result: R): Text;
}

/** Why a run sent nothing at all, as the tasks report it. */
type Skip = "rest-day" | "night" | "not-yet" | "official";

const SKIPPED: Record<Skip, Text> = {
  "rest-day": t("今天是休息日，不发送", "a day off: nothing sent"),
  night: t("各支部都在夜间免打扰时段，不发送", "night hours in every branch: nothing sent"),
  "not-yet": t("11 月起才提醒录入明年的节假日安排", "next year's holidays are asked for from November"),
  official: t("明年的节假日安排已录入，不用提醒", "next year's official holidays are entered: no reminder"),
};

/** A run's sentence, or why it was skipped. */
function unlessSkipped(r: { skipped?: Skip }, said: () => Text): Text {
  return r.skipped ? SKIPPED[r.skipped] : said();
}

function festivalName(occurrence: string): Text {
  // The planner names an occurrence CODE-YEAR (MID_AUTUMN-2027); a branch's own festival keeps its code.
  const code = occurrence.replace(/-\d{4}$/, "");
  const name = (BUILTIN_FESTIVALS as Record<string, { name: Text } | undefined>)[code]?.name;
  if (!name) return t(code, code);
  // 中秋节, 重阳节; 春节 and 七一 as they are.
  return { zh: /[节一]$/.test(name.zh) ? name.zh : `${name.zh}节`, en: name.en };
}

type ResultOf<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

const recover: ScheduleLabel<ResultOf<typeof recoverPending>> = {
  name: t("补发积压", "Recovery sweep"),
  when: t("每 15 秒", "every 15 seconds"),
  said: (r) =>
    r.inbound + r.outbox === 0
      ? t("没有积压的事件或消息", "nothing was stuck")
      : t(`重新排队 ${r.inbound} 个收到的事件、${r.outbox} 条待发消息`, `queued again ${r.inbound} received events and ${r.outbox} messages to send`),
};

const talkSweep: ScheduleLabel<TalkSweepResult> = {
  name: t("谈心提醒", "Talk reminders"),
  when: t("每个工作日 9:00（11:00、15:00 补发）", "working days at 9:00 (catch-up at 11:00 and 15:00)"),
  said: (r) =>
    unlessSkipped(r, () => {
      if (r.staged === 0) return r.leaders + r.secretaries > 0 ? t("今天的提醒已经发过，没有新的", "today's reminders went out already") : t("没有需要发送的提醒", "no reminders to send");
      const secretaries = r.secretaries > 0 ? { zh: `，给 ${r.secretaries} 位书记发出督办`, en: `; ${n(r.secretaries, "secretary", "secretaries")} told` } : { zh: "", en: "" };
      return t(`给 ${r.leaders} 位领导发出提醒${secretaries.zh}`, `reminded ${n(r.leaders, "leader")}${secretaries.en}`);
    }),
};

const talkUrgent: ScheduleLabel<ResultOf<typeof runUrgentTalks>> = {
  name: t("紧急谈心", "Urgent talks"),
  when: t("每 10 分钟（夜间不发）", "every 10 minutes (not at night)"),
  said: (r) => {
    if (r.open === 0) return t("没有待办的紧急谈心", "no urgent talks open");
    if (r.staged === 0) return t(`${r.open} 项紧急谈心待办，提醒都已发过`, `${r.open} urgent talks open, all reminded already`);
    return t(`${r.open} 项紧急谈心待办，发出 ${r.staged} 条提醒`, `${r.open} urgent talks open: ${r.staged} reminders sent`);
  },
};

const hardshipReview: ScheduleLabel<ResultOf<typeof runHardshipReviews>> = {
  name: t("困难档案复核", "Hardship reviews"),
  when: t("每个工作日 9:00（15:00 补发）", "working days at 9:00 (catch-up at 15:00)"),
  said: (r) =>
    unlessSkipped(r, () => {
      if (r.due === 0) return t("没有到期的复核", "no reviews due");
      const up = r.escalated > 0 ? { zh: `，${r.escalated} 户报上级`, en: `, ${r.escalated} escalated` } : { zh: "", en: "" };
      return t(`${r.due} 户到期复核，发出 ${r.staged} 条提醒${up.zh}`, `${r.due} reviews due: ${r.staged} reminders sent${up.en}`);
    }),
};

const branchReport: ScheduleLabel<ResultOf<typeof runBranchReports>> = {
  name: t("季度支部分析", "Quarterly branch report"),
  when: t("每季度第一个工作日 9:30（15:30 补发）", "first working day of a quarter at 9:30 (catch-up at 15:30)"),
  said: (r) =>
    unlessSkipped(r, () =>
      r.staged === 0
        ? t(`${r.quarter} 的分析报告已发过，没有新的`, `the ${r.quarter} report went out already`)
        : t(`${r.quarter} 分析报告：${r.reports} 个支部，发给 ${r.staged} 位书记`, `${r.quarter} report: ${r.reports} branches, sent to ${r.staged} secretaries`),
    ),
};

const visitPlan: ScheduleLabel<PlanResult> = {
  name: t("节日走访规划", "Festival visit planning"),
  when: t("每个工作日 8:30（15:30 补发）", "working days at 8:30 (catch-up at 15:30)"),
  said: (r) =>
    unlessSkipped(r, () => {
      if (r.festivals.length === 0) return t("近 14 天内没有需要走访的节日", "no festival within the planning window");
      const names = r.festivals.map(festivalName);
      if (r.created + r.digests === 0) return t(`${names.map((x) => x.zh).join("、")}的走访已经安排过，没有新的`, `${names.map((x) => x.en).join(", ")}: planned already`);
      const unassigned = r.unassigned > 0 ? { zh: `，${r.unassigned} 人没有走访人`, en: `, ${r.unassigned} without a visitor` } : { zh: "", en: "" };
      return t(
        `${names.map((x) => x.zh).join("、")}，新建 ${r.created} 项走访任务，给 ${r.digests} 位走访人发出安排${unassigned.zh}`,
        `${names.map((x) => x.en).join(", ")}: ${n(r.created, "new visit task")}, ${n(r.digests, "visitor")} told${unassigned.en}`,
      );
    }),
};

const visitOverdue: ScheduleLabel<OverdueResult> = {
  name: t("走访逾期提醒", "Overdue visits"),
  when: t("每个工作日 9:30（15:30 补发）", "working days at 9:30 (catch-up at 15:30)"),
  said: (r) =>
    unlessSkipped(r, () =>
      r.late === 0
        ? t("没有逾期的走访", "no visits overdue")
        : t(`${r.late} 项走访逾期：提醒 ${r.reminded} 人，报书记 ${r.escalated} 项`, `${r.late} visits overdue: ${r.reminded} reminded, ${r.escalated} escalated`),
    ),
};

const visitContacts: ScheduleLabel<ContactResult> = {
  name: t("日常联系提醒", "Contact reminders"),
  when: t("每个工作日 10:00（15:00 补发）", "working days at 10:00 (catch-up at 15:00)"),
  said: (r) =>
    unlessSkipped(r, () =>
      r.reminders + r.lost === 0
        ? t("没有需要发送的联系提醒", "no contact reminders to send")
        : t(`发出 ${r.reminders} 条联系提醒、${r.lost} 条失联提醒`, `${r.reminders} contact reminders and ${r.lost} lost-contact alerts sent`),
    ),
};

const jobPush: ScheduleLabel<ResultOf<typeof runWeeklyJobPush>> = {
  name: t("每周岗位推送", "Weekly job card"),
  when: t("每个工作日 9:45（15:45 补发）", "working days at 9:45 (catch-up at 15:45)"),
  said: (r) => unlessSkipped(r, () => (r.cards === 0 ? t("没有待推送的岗位信息", "no held job information") : t(`给 ${r.cards} 位党员发出本周岗位信息`, `this week's jobs sent to ${r.cards} members`))),
};

const employmentCheckin: ScheduleLabel<ResultOf<typeof runEmploymentCheckIns>> = {
  name: t("就业情况回访", "Employment check-in"),
  when: t("每个工作日 10:15", "working days at 10:15"),
  said: (r) =>
    unlessSkipped(r, () =>
      r.due === 0 ? t("本月没有需要回访的求职党员", "no check-ins due this month") : t(`${r.due} 位求职党员到期回访，发出 ${r.staged} 条提醒`, `${r.due} check-ins due: ${r.staged} reminders sent`),
    ),
};

const calendar: ScheduleLabel<CalendarCheckResult> = {
  name: t("节假日安排检查", "Holiday calendar check"),
  when: t("每天 10:20（15:20 补发）", "daily at 10:20 (catch-up at 15:20)"),
  said: (r) => {
    const seeded = r.seeded.length > 0 ? { zh: `载入 ${r.seeded.join("、")} 年节假日；`, en: `loaded the holidays of ${r.seeded.join(", ")}; ` } : { zh: "", en: "" };
    const rest = r.skipped
      ? SKIPPED[r.skipped]
      : r.staged === 0
        ? t("本周已提醒过录入明年节假日", "reminded this week already to enter next year's holidays")
        : t(`提醒 ${r.staged} 位书记录入明年的节假日安排`, `asked ${r.staged} secretaries to enter next year's holidays`);
    return t(seeded.zh + rest.zh, seeded.en + rest.en);
  },
};

const aidReminders: ScheduleLabel<AidReminderResult> = {
  name: t("帮扶催办", "Aid request reminders"),
  when: t("每个工作日 9:40（15:40 补发）", "working days at 9:40 (catch-up at 15:40)"),
  said: (r) =>
    unlessSkipped(r, () => {
      if (r.waiting === 0) return t("没有等待审批的帮扶申请", "no aid requests waiting");
      if (r.reminded + r.escalated + r.noCommittee === 0) return t(`${r.waiting} 件申请等待审批，还不到催办的时候`, `${n(r.waiting, "request")} waiting, none due a reminder yet`);
      const none = r.noCommittee > 0 ? { zh: `，${r.noCommittee} 件上级组织没有书记在飞书上`, en: `, ${r.noCommittee} with no secretary above on Lark` } : { zh: "", en: "" };
      return t(
        `${r.waiting} 件申请等待审批：催审批人 ${r.reminded} 件，报上级 ${r.escalated} 件${none.zh}`,
        `${n(r.waiting, "request")} waiting: ${r.reminded} reminded, ${r.escalated} escalated${none.en}`,
      );
    }),
};

const orgPairingReminder: ScheduleLabel<OrgPairingReminderResult> = {
  name: t("组织结对提醒", "Organisation pairing reminders"),
  when: t("每个工作日 9:50（15:50 补发）", "working days at 9:50 (catch-up at 15:50)"),
  said: (r) => {
    if (r.skipped === "rest-day") return SKIPPED["rest-day"];
    if (r.skipped === "night") return SKIPPED.night;
    if (r.skipped === "not-due" || r.quarter === null) return t("每季度最后一个月的第一个工作日起才提醒", "reminders go from the first working day of a quarter's last month");
    if (r.pairings === 0) return t(`${r.quarter} 没有需要提醒的组织结对`, `${r.quarter}: no pairing owed a reminder`);
    return t(`${r.quarter}：${r.pairings} 个组织结对本季度尚无共建活动，发出 ${r.staged} 条提醒`, `${r.quarter}: ${n(r.pairings, "pairing")} without a joint activity, ${r.staged} reminders sent`);
  },
};

const committeeDigest: ScheduleLabel<CommitteeDigestResult> = {
  name: t("党委逾期事项周报", "Committee weekly digest"),
  when: t("每周第一个工作日 9:10（15:10 补发）", "first working day of each week at 9:10 (catch-up at 15:10)"),
  said: (r) =>
    unlessSkipped(r, () => {
      if (r.staged === 0) return t(`${r.week} 的周报已发过，没有新的`, `the ${r.week} digest went out already`);
      const clear = r.clear > 0 ? { zh: `，其中 ${r.clear} 个没有逾期事项`, en: `, ${r.clear} with nothing overdue` } : { zh: "", en: "" };
      return t(`${r.week} 周报：${r.committees} 个党委（党总支）${clear.zh}，发给 ${r.staged} 位书记`, `${r.week} digest: ${n(r.committees, "committee")}${clear.en}, sent to ${n(r.staged, "secretary", "secretaries")}`);
    }),
};

const suggestionReminders: ScheduleLabel<SuggestionReminderResult> = {
  name: t("意见建议催办", "Suggestion reminders"),
  when: t("每个工作日 10:20（15:20 补发）", "working days at 10:20 (catch-up at 15:20)"),
  said: (r) =>
    unlessSkipped(r, () => {
      if (r.open === 0) return t("没有待答复的意见建议", "no suggestions waiting for an answer");
      if (r.reminded === 0) return t(`${r.open} 条意见建议待答复，还不到提醒的时候`, `${n(r.open, "suggestion")} open, none due a reminder yet`);
      return t(`${r.open} 条意见建议待答复：${r.reminded} 条已满 5 个工作日，提醒书记 ${r.staged} 人次`, `${n(r.open, "suggestion")} open: ${r.reminded} past 5 working days, ${n(r.staged, "reminder")} sent`);
    }),
};

const prunePayloads: ScheduleLabel<PruneResult> = {
  name: t("清理消息内容", "Payload pruning"),
  when: t("每 30 分钟", "every 30 minutes"),
  said: (r) =>
    r.inbound + r.outbox === 0
      ? t("没有到期需要清理的内容", "nothing past the retention window")
      : t(`清除 ${r.inbound} 个已处理事件的内容、${r.outbox} 条已发消息的内容（保留去重用的编号）`, `stripped ${r.inbound} processed events and ${r.outbox} delivered messages (keys kept)`),
};

const eraseDeparted: ScheduleLabel<EraseResult> = {
  name: t("离开党员记录到期删除", "Erasing records of members who left"),
  when: t("每天 3:10", "daily at 3:10"),
  said: (r) =>
    r.erased === 0
      ? t("没有保存期限已满的离开党员记录", "no records past their retention period")
      : t(`${r.erased} 位离开党员的敏感记录已按保存期限删除`, `sensitive records of ${n(r.erased, "member")} who left erased`),
};

const dropExpiredExports: ScheduleLabel<DropResult> = {
  name: t("到期导出文件删除", "Dropping expired export files"),
  when: t("每天 3:40", "daily at 3:40"),
  said: (r) => (r.dropped === 0 ? t("没有到期的导出文件", "no export files past their expiry") : t(`删除 ${r.dropped} 个到期的导出文件`, `dropped ${n(r.dropped, "expired export file")}`)),
};

const yearReportReminder: ScheduleLabel<YearReminderResult> = {
  name: t("年度报告提醒", "Year-end report reminder"),
  when: t("12 月 15 日起的工作日 9:50（15:50 补发）", "working days from 15 December at 9:50 (catch-up at 15:50)"),
  said: (r) => {
    if (r.skipped === "not-yet") return t("12 月 15 日起才提醒生成年度报告", "the year-end report is announced from 15 December");
    if (r.skipped) return SKIPPED[r.skipped];
    return r.staged === 0
      ? t(`${r.year}年度报告的提醒都已发过`, `the ${r.year} report reminders went out already`)
      : t(`${r.year}年度报告可以生成：${r.organisations} 个组织，提醒 ${r.staged} 位书记`, `${r.year} report can be produced: ${r.organisations} organisations, ${r.staged} secretaries told`);
  },
};

/** Each task's words, by the task's id in SCHEDULES. */
export const SCHEDULE_LABELS: Readonly<Record<string, ScheduleLabel<never>>> = {
  recover,
  "talk-sweep": talkSweep,
  "talk-urgent": talkUrgent,
  "hardship-review": hardshipReview,
  "branch-report": branchReport,
  "visit-plan": visitPlan,
  "visit-overdue": visitOverdue,
  "visit-contacts": visitContacts,
  "job-push-weekly": jobPush,
  "employment-checkin": employmentCheckin,
  calendar,
  "aid-reminders": aidReminders,
  "committee-digest": committeeDigest,
  "org-pairing-reminder": orgPairingReminder,
  "suggestion-reminders": suggestionReminders,
  "prune-payloads": prunePayloads,
  "erase-departed": eraseDeparted,
  "drop-expired-exports": dropExpiredExports,
  "year-report-reminder": yearReportReminder,
};

/** A task's name and when it runs; a task without a label is named by its id. */
export function scheduleLabel(task: string): { name: Text; when: Text } {
  const l = Object.hasOwn(SCHEDULE_LABELS, task) ? SCHEDULE_LABELS[task] : undefined;
  return l ? { name: l.name, when: l.when } : { name: t(task, task), when: t("", "") };
}

/** What a run of `task` did, in a sentence without the task's name ("给 3 位领导发出提醒"). */
export function describeResult(task: string, result: unknown): Text {
  const l = Object.hasOwn(SCHEDULE_LABELS, task) ? SCHEDULE_LABELS[task] : undefined;
  if (!l || !result || typeof result !== "object") return t("已完成", "done");
  try {
    // The result is what this task's run returned, whose type the label was written against.
    return l.said(result as never);
  } catch {
    return t("已完成（结果见详情）", "done (see the details)");
  }
}

/** The whole line: "谈心提醒：给 3 位领导发出提醒". */
export function describeRun(task: string, result: unknown): Text {
  const { name } = scheduleLabel(task);
  const said = describeResult(task, result);
  return { zh: `${name.zh}：${said.zh}`, en: `${name.en}: ${said.en}` };
}
