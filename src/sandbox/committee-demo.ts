// Some care already done in the demo's second and third branches, so the committee's figures
// are not all zero when a sandbox user is the 党工委书记: opening incomes of each branch's fund,
// a hardship entry for the member marked `hardship`, a talk held twelve days ago, and an event
// visit to that member (done with money from the fund in the second branch, still open and
// two days late in the third). Written through the same store functions the bot uses.
import { addDays } from "../domain/calendar-day.ts";
import { defaultNextReview } from "../domain/hardship-rules.ts";
import { dayIn } from "../domain/zoned-time.ts";
import type { Stores } from "../store/stores.ts";
import { DEMO_COMMITTEE_PEOPLE, type DemoPersonIn } from "./demo-branch.ts";

const OPENING: Record<string, { source: "LOCAL_FINANCE" | "PARTY_FEE" | "DONATION"; amountFen: number; payer: string; note: string }[]> = {
  "pd-jw-2": [
    { source: "LOCAL_FINANCE", amountFen: 800_000, payer: "磐东街道办事处", note: "年度帮扶资金拨付" },
    { source: "PARTY_FEE", amountFen: 200_000, payer: "磐东街道党工委", note: "党费补助" },
  ],
  "pd-jw-3": [
    { source: "LOCAL_FINANCE", amountFen: 600_000, payer: "磐东街道办事处", note: "年度帮扶资金拨付" },
    { source: "DONATION", amountFen: 150_000, payer: "磐东爱心商户联合会", note: "爱心捐赠" },
  ],
};

const HOUSEHOLD: Record<string, string> = {
  "pd-jw-2": "老人独居，老伴已故，行动不便，子女在外地工作。",
  "pd-jw-3": "本人失业半年，家中老人患病住院，孩子上初中。",
};

type DemoStores = Pick<Stores, "aidFund" | "aidHardship" | "talks" | "visitTasks">;

/** Seeds the activity of the branches with these codes; `people` maps every demo name to its id. */
export async function seedBranchesDemo(
  store: DemoStores,
  orgIds: ReadonlyMap<string, number>,
  people: ReadonlyMap<string, number>,
  opts: { now?: Date; timezone?: string } = {},
): Promise<void> {
  const now = opts.now ?? new Date();
  const today = dayIn(now, opts.timezone ?? "Asia/Shanghai");
  for (const [code, incomes] of Object.entries(OPENING)) {
    const orgId = orgIds.get(code);
    if (orgId === undefined) continue;
    const inBranch = DEMO_COMMITTEE_PEOPLE.filter((p) => p.org === code);
    const id = (p: DemoPersonIn | undefined) => (p ? people.get(p.name) : undefined);
    const secretary = id(inBranch.find((p) => p.roles.includes("SECRETARY")));
    const leaderP = inBranch.find((p) => p.roles.includes("LEADER") && !p.roles.includes("SECRETARY"));
    const leader = id(leaderP);
    const needy = id(inBranch.find((p) => p.hardship));
    const talked = id(inBranch.find((p) => p.leader === leaderP?.name && !p.hardship));
    if (secretary === undefined || leader === undefined || needy === undefined || talked === undefined) continue;

    for (const o of incomes) await store.aidFund.recordIncome({ orgId, ...o, recordedById: secretary, at: now });
    await store.aidHardship.openEntry({
      orgId,
      personId: needy,
      causes: code === "pd-jw-2" ? ["OLD_AGE"] : ["UNEMPLOYMENT", "ILLNESS"],
      level: "GENERAL",
      household: HOUSEHOLD[code] ?? "",
      nextReviewOn: defaultNextReview(today, "GENERAL"),
      openedFromRequestId: null,
      byId: secretary,
      at: now,
    });
    await store.talks.recordTalk({
      orgId,
      memberId: talked,
      leaderId: leader,
      heldOn: addDays(today, -12),
      form: "IN_PERSON",
      life: "工作稳定，家里老人身体尚好，希望支部多组织志愿服务活动。",
      concernAreas: ["LIFE"],
      followUps: [],
      now,
    });
    const done = code === "pd-jw-2";
    const taskId = await store.visitTasks.createEventTask({
      orgId,
      memberId: needy,
      visitorId: leader,
      eventKind: done ? "ILLNESS" : "HARDSHIP",
      reason: done ? "住院治疗，出院后在家休养" : "失业后家庭收入困难",
      dueOn: done ? addDays(today, -5) : addDays(today, -2),
      createdById: secretary,
      at: now,
    });
    if (!done) continue;
    const task = await store.visitTasks.loadTask(taskId);
    if (task) {
      await store.visitTasks.completeTask(task, { visitedOn: addDays(today, -6), how: "HOME", amountFen: 50_000, source: "LOCAL_FINANCE", goods: "牛奶、水果", notes: "精神尚好，已能下床活动。", byId: leader, at: now });
    }
  }
}
