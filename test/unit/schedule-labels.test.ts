// Every recurring task has words: a name, when it runs (agreeing with its cron pattern), and a
// sentence for what a run did, for every shape of result the task returns. A schedule added to
// SCHEDULES without a label here and in schedule-labels.ts fails.
import { describe, expect, it } from "vitest";
import { describeResult, describeRun, SCHEDULE_LABELS, scheduleLabel } from "../../src/jobs/schedule-labels.ts";
import { SCHEDULES } from "../../src/jobs/schedules.ts";

const today = "2026-12-03";

/** What each task's run returns, in each of its shapes, and the Chinese sentence it reads as. */
const SAMPLES: Record<string, [unknown, string][]> = {
  recover: [
    [{ inbound: 0, outbox: 0 }, "没有积压的事件或消息"],
    [{ inbound: 2, outbox: 5 }, "重新排队 2 个收到的事件、5 条待发消息"],
  ],
  "talk-sweep": [
    [{ today, leaders: 3, secretaries: 0, staged: 3 }, "给 3 位领导发出提醒"],
    [{ today, leaders: 3, secretaries: 1, staged: 4 }, "给 3 位领导发出提醒，给 1 位书记发出督办"],
    [{ today, leaders: 0, secretaries: 0, staged: 0 }, "没有需要发送的提醒"],
    [{ today, leaders: 2, secretaries: 0, staged: 0 }, "今天的提醒已经发过，没有新的"],
    [{ today, skipped: "rest-day", leaders: 0, secretaries: 0, staged: 0 }, "今天是休息日，不发送"],
    [{ today, skipped: "night", leaders: 0, secretaries: 0, staged: 0 }, "各支部都在夜间免打扰时段，不发送"],
  ],
  "talk-urgent": [
    [{ today, open: 0, staged: 0 }, "没有待办的紧急谈心"],
    [{ today, open: 2, staged: 1 }, "2 项紧急谈心待办，发出 1 条提醒"],
    [{ today, open: 2, staged: 0 }, "2 项紧急谈心待办，提醒都已发过"],
  ],
  "hardship-review": [
    [{ today, due: 0, escalated: 0, staged: 0 }, "没有到期的复核"],
    [{ today, due: 2, escalated: 1, staged: 3 }, "2 户到期复核，发出 3 条提醒，1 户报上级"],
    [{ today, skipped: "rest-day", due: 0, escalated: 0, staged: 0 }, "今天是休息日，不发送"],
  ],
  "year-report-reminder": [
    [{ year: 2026, organisations: 4, staged: 5 }, "2026年度报告可以生成：4 个组织，提醒 5 位书记"],
    [{ year: 2026, organisations: 0, staged: 0 }, "2026年度报告的提醒都已发过"],
    [{ year: 2026, skipped: "not-yet", organisations: 0, staged: 0 }, "12 月 15 日起才提醒生成年度报告"],
    [{ year: 2026, skipped: "rest-day", organisations: 0, staged: 0 }, "今天是休息日，不发送"],
    [{ year: 2026, skipped: "night", organisations: 0, staged: 0 }, "各支部都在夜间免打扰时段，不发送"],
  ],
  "branch-report": [
    [{ quarter: "2026Q3", reports: 1, staged: 1 }, "2026Q3 分析报告：1 个支部，发给 1 位书记"],
    [{ quarter: "2026Q3", reports: 0, staged: 0 }, "2026Q3 的分析报告已发过，没有新的"],
    [{ quarter: "2026Q3", skipped: "rest-day", reports: 0, staged: 0 }, "今天是休息日，不发送"],
  ],
  "visit-plan": [
    [{ today, festivals: ["MID_AUTUMN-2027"], created: 12, digests: 3, unassigned: 0, ms: { tasks: 5, digests: 4 } }, "中秋节，新建 12 项走访任务，给 3 位走访人发出安排"],
    [{ today, festivals: ["SPRING_FESTIVAL-2027", "X_BRANCH_DAY-2027"], created: 4, digests: 2, unassigned: 1, ms: { tasks: 5, digests: 4 } }, "春节、X_BRANCH_DAY，新建 4 项走访任务，给 2 位走访人发出安排，1 人没有走访人"],
    [{ today, festivals: ["DOUBLE_NINTH-2027"], created: 0, digests: 0, unassigned: 0, ms: { tasks: 1, digests: 1 } }, "重阳节的走访已经安排过，没有新的"],
    [{ today, festivals: [], created: 0, digests: 0, unassigned: 0, ms: { tasks: 1, digests: 0 } }, "近 14 天内没有需要走访的节日"],
    [{ today, skipped: "night", festivals: [], created: 0, digests: 0, unassigned: 0, ms: { tasks: 0, digests: 0 } }, "各支部都在夜间免打扰时段，不发送"],
  ],
  "visit-overdue": [
    [{ today, late: 0, reminded: 0, escalated: 0 }, "没有逾期的走访"],
    [{ today, late: 3, reminded: 2, escalated: 1 }, "3 项走访逾期：提醒 2 人，报书记 1 项"],
    [{ today, skipped: "rest-day", late: 0, reminded: 0, escalated: 0 }, "今天是休息日，不发送"],
  ],
  "visit-contacts": [
    [{ today, reminders: 0, lost: 0 }, "没有需要发送的联系提醒"],
    [{ today, reminders: 4, lost: 1 }, "发出 4 条联系提醒、1 条失联提醒"],
    [{ today, skipped: "night", reminders: 0, lost: 0 }, "各支部都在夜间免打扰时段，不发送"],
  ],
  "job-push-weekly": [
    [{ week: "2026-W49", cards: 0 }, "没有待推送的岗位信息"],
    [{ week: "2026-W49", cards: 2 }, "给 2 位党员发出本周岗位信息"],
    [{ week: "2026-W49", skipped: "rest-day", cards: 0 }, "今天是休息日，不发送"],
  ],
  "employment-checkin": [
    [{ today, due: 0, staged: 0 }, "本月没有需要回访的求职党员"],
    [{ today, due: 1, staged: 1 }, "1 位求职党员到期回访，发出 1 条提醒"],
    [{ today, skipped: "rest-day", due: 0, staged: 0 }, "今天是休息日，不发送"],
  ],
  calendar: [
    [{ today, seeded: [], skipped: "not-yet", staged: 0 }, "11 月起才提醒录入明年的节假日安排"],
    [{ today, seeded: [2027], skipped: "official", staged: 0 }, "载入 2027 年节假日；明年的节假日安排已录入，不用提醒"],
    [{ today, seeded: [], staged: 2 }, "提醒 2 位书记录入明年的节假日安排"],
    [{ today, seeded: [], staged: 0 }, "本周已提醒过录入明年节假日"],
  ],
  "suggestion-reminders": [
    [{ today, open: 0, reminded: 0, staged: 0 }, "没有待答复的意见建议"],
    [{ today, open: 3, reminded: 0, staged: 0 }, "3 条意见建议待答复，还不到提醒的时候"],
    [{ today, open: 3, reminded: 2, staged: 4 }, "3 条意见建议待答复：2 条已满 5 个工作日，提醒书记 4 人次"],
    [{ today, skipped: "rest-day", open: 0, reminded: 0, staged: 0 }, "今天是休息日，不发送"],
    [{ today, skipped: "night", open: 0, reminded: 0, staged: 0 }, "各支部都在夜间免打扰时段，不发送"],
  ],
  "aid-reminders": [
    [{ today, waiting: 0, reminded: 0, escalated: 0, noCommittee: 0 }, "没有等待审批的帮扶申请"],
    [{ today, waiting: 3, reminded: 0, escalated: 0, noCommittee: 0 }, "3 件申请等待审批，还不到催办的时候"],
    [{ today, waiting: 3, reminded: 2, escalated: 1, noCommittee: 0 }, "3 件申请等待审批：催审批人 2 件，报上级 1 件"],
    [{ today, waiting: 1, reminded: 0, escalated: 0, noCommittee: 1 }, "1 件申请等待审批：催审批人 0 件，报上级 0 件，1 件上级组织没有书记在飞书上"],
    [{ today, skipped: "night", waiting: 0, reminded: 0, escalated: 0, noCommittee: 0 }, "各支部都在夜间免打扰时段，不发送"],
  ],
  "org-pairing-reminder": [
    [{ quarter: null, skipped: "not-due", pairings: 0, staged: 0 }, "每季度最后一个月的第一个工作日起才提醒"],
    [{ quarter: null, skipped: "rest-day", pairings: 0, staged: 0 }, "今天是休息日，不发送"],
    [{ quarter: "2027Q1", pairings: 0, staged: 0 }, "2027Q1 没有需要提醒的组织结对"],
    [{ quarter: "2027Q1", pairings: 2, staged: 3 }, "2027Q1：2 个组织结对本季度尚无共建活动，发出 3 条提醒"],
  ],
  "committee-digest": [
    [{ week: "2026-W49", committees: 2, clear: 1, staged: 3 }, "2026-W49 周报：2 个党委（党总支），其中 1 个没有逾期事项，发给 3 位书记"],
    [{ week: "2026-W49", committees: 1, clear: 0, staged: 1 }, "2026-W49 周报：1 个党委（党总支），发给 1 位书记"],
    [{ week: "2026-W49", committees: 0, clear: 0, staged: 0 }, "2026-W49 的周报已发过，没有新的"],
    [{ week: "2026-W49", skipped: "rest-day", committees: 0, clear: 0, staged: 0 }, "今天是休息日，不发送"],
  ],
  "prune-payloads": [
    [{ inbound: 0, outbox: 0 }, "没有到期需要清理的内容"],
    [{ inbound: 12, outbox: 30 }, "清除 12 个已处理事件的内容、30 条已发消息的内容（保留去重用的编号）"],
  ],
  "erase-departed": [
    [{ today, erased: 0 }, "没有保存期限已满的离开党员记录"],
    [{ today, erased: 2 }, "2 位离开党员的敏感记录已按保存期限删除"],
  ],
  "drop-expired-exports": [
    [{ dropped: 0 }, "没有到期的导出文件"],
    [{ dropped: 3 }, "删除 3 个到期的导出文件"],
  ],
};

/** The clock times a cron pattern "M H1,H2 * * *" fires at, as the labels write them (9:00, 15:30). */
function cronTimes(pattern: string): string[] | undefined {
  const [minute, hours, ...rest] = pattern.split(" ");
  if (!/^\d+$/.test(minute!) || !/^[\d,]+$/.test(hours!) || rest.join(" ") !== "* * *") return undefined;
  return hours!.split(",").map((h) => `${Number(h)}:${minute!.padStart(2, "0")}`);
}

describe("schedule labels", () => {
  it("every schedule has a Chinese name, when it runs, and sample results described here", () => {
    for (const s of SCHEDULES) {
      expect(Object.hasOwn(SCHEDULE_LABELS, s.task), `${s.task} has no label in src/jobs/schedule-labels.ts`).toBe(true);
      expect(Object.hasOwn(SAMPLES, s.task), `${s.task} has no sample results in this test`).toBe(true);
      const { name, when } = scheduleLabel(s.task);
      expect(name.zh).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(name.en).not.toBe("");
      expect(when.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(when.en).not.toBe("");
    }
    // No label for a task that is gone.
    expect(Object.keys(SCHEDULE_LABELS).sort()).toEqual(SCHEDULES.map((s) => s.task).sort());
  });

  it("says when each task runs at the times its schedule fires", () => {
    for (const s of SCHEDULES) {
      const { when } = scheduleLabel(s.task);
      if ("every" in s) {
        expect(when.zh, s.task).toContain(`每 ${s.every / 1000} 秒`);
        continue;
      }
      const every = /^\*\/(\d+) \* \* \* \*$/.exec(s.pattern);
      if (every) {
        expect(when.zh, s.task).toContain(`每 ${every[1]} 分钟`);
        expect(when.en, s.task).toContain(`every ${every[1]} minutes`);
        continue;
      }
      const times = cronTimes(s.pattern);
      expect(times, `${s.task}: a pattern this test cannot read (${s.pattern}); teach cronTimes`).toBeDefined();
      for (const time of times!) {
        expect(when.zh, s.task).toContain(time);
        expect(when.en, s.task).toContain(time);
      }
    }
  });

  it("describes each shape of each task's result in a Chinese sentence and an English one", () => {
    for (const s of SCHEDULES) {
      for (const [result, zh] of SAMPLES[s.task] ?? []) {
        const said = describeResult(s.task, result);
        expect(said.zh, `${s.task} ${JSON.stringify(result)}`).toBe(zh);
        expect(said.en).not.toBe("");
        expect(said.en).not.toMatch(/[\u4e00-\u9fff]|undefined|NaN|\[object/);
      }
    }
  });

  it("reads the whole line as name：sentence, and never fails on a result it does not know", () => {
    expect(describeRun("talk-sweep", { today, leaders: 3, secretaries: 0, staged: 3 })).toEqual({ zh: "谈心提醒：给 3 位领导发出提醒", en: "Talk reminders: reminded 3 leaders" });
    expect(describeRun("visit-plan", { today, festivals: ["MID_AUTUMN-2027"], created: 12, digests: 3, unassigned: 0, ms: { tasks: 1, digests: 1 } }).zh).toBe(
      "节日走访规划：中秋节，新建 12 项走访任务，给 3 位走访人发出安排",
    );
    expect(describeRun("talk-sweep", null).zh).toBe("谈心提醒：已完成");
    expect(describeRun("visit-plan", { today }).zh).toBe("节日走访规划：已完成（结果见详情）");
    expect(describeRun("no-such-task", {}).zh).toBe("no-such-task：已完成");
  });
});
