// What happens in branch A between 2026-12-01 and 2027-11-30, day by day, besides what the bot
// pushes on its own: the money for the year, the 2027 calendar, four aid requests (one approved
// payment later reversed), a member who moves to branch B, three who join, two who look for work
// (one leaves the system still looking, one finds a job), a death, a member who transfers out of
// the system. Each step is taken in a working day's morning (10:30), as a
// secretary would. A step the bot refuses (no confirmation card, an import not taken) is noted
// as a gap and the year goes on, so one missing feature does not hide what the rest of the year shows.
import type { Day } from "../../src/domain/calendar-day.ts";
import { askForAid, bookIncome, decideAid, reverseAid } from "./aid-steps.ts";
import type { Person } from "./cast.ts";
import { joinByRoster } from "./join.ts";
import { textOf } from "./mailbox.ts";
import { OFFICIAL_2027_LINES } from "./official-2027.ts";
import { postJob, reportJobFound, seekWork } from "./work-steps.ts";
import { buttonValues, type World } from "./world.ts";

export interface Step {
  day: Day;
  /** Minutes after midnight, Asia/Shanghai. */
  minute: number;
  label: string;
  run(w: World): Promise<void>;
}

/** A member's departure as the story records it: who, which kind, from what day. */
export interface Departure {
  person: Person;
  kind: "TRANSFER_INSIDE" | "TRANSFER_OUT" | "DEATH";
  effectiveOn: Day;
  /** The moment the secretary confirmed it (ms, the movable clock): from then on the bot knows. */
  at: number;
}

export interface Story {
  steps: Step[];
  /** Aid request numbers by role in the story, filled in as the year goes. */
  aid: Record<"aided" | "reversed" | "movesToB" | "refused", string | undefined>;
  departures: Departure[];
  joined: Person[];
  /** Steps the bot did not carry out, with what was said and what it answered. */
  gaps: string[];
}

const MORNING = 10 * 60 + 30;

export function theStory(w: World): Story {
  const { a, b, story: s, committee } = w.cast;
  const st: Story = { steps: [], aid: { aided: undefined, reversed: undefined, movesToB: undefined, refused: undefined }, departures: [], joined: [], gaps: [] };
  const step = (day: Day, label: string, run: (w: World) => Promise<void>) => st.steps.push({ day, minute: MORNING, label, run });

  step("2026-12-02", "年度资金到位", async (w) => {
    await bookIncome(w, a.worker, a.orgId, [
      { source: "LOCAL_FINANCE", yuan: 20_000, payer: "街道办事处" },
      { source: "PARTY_FEE", yuan: 8_000, payer: "同心社区党委" },
      { source: "DONATION", yuan: 5_000, payer: "爱心企业" },
    ]);
    await bookIncome(w, b.worker, b.orgId, [{ source: "PARTY_FEE", yuan: 3_000, payer: "同心社区党委" }]);
  });
  step("2026-12-03", "录入 2027 年放假安排", async (w) => {
    await w.act(`${committee.worker.name} 导入 2027 年节假日安排`, async () => {
      const answer = await w.say(committee.worker, `节假日导入 2027\n${OFFICIAL_2027_LINES.join("\n")}`);
      if (!textOf(answer.content).includes("已导入 2027 年节假日安排")) st.gaps.push(`2026-12-03 节假日导入 2027 未成功：${textOf(answer.content).slice(0, 300)}`);
    });
  });
  step("2027-01-12", "求助（批准）", async (w) => {
    const n = await askForAid(w, s.aided, { category: "ILLNESS", description: "父亲住院手术，自付费用较高", amount: "3000", urgency: "URGENT" });
    st.aid.aided = n;
    await decideAid(w, a.secretary, n, { approve: { yuan: 2000, source: "LOCAL_FINANCE", note: "按大病救助标准补助" } });
  });
  step("2027-03-09", "求助（批准，后冲正）", async (w) => {
    const n = await askForAid(w, s.reversed, { category: "LIVING", description: "家中房屋漏雨，屋顶需要修缮", amount: "1000", urgency: "NORMAL" });
    st.aid.reversed = n;
    await decideAid(w, a.secretary, n, { approve: { yuan: 800, source: "DONATION", note: "生活困难补助" } });
  });
  step("2027-03-11", "冲正", async (w) => {
    const toast = await reverseAid(w, a.secretary, st.aid.reversed!, "房屋由产权单位负责维修，款项已退回");
    if (!toast.includes("已冲正")) st.gaps.push(`2027-03-11 冲正 ${st.aid.reversed} 未成功：${toast}`);
  });
  step("2027-04-13", "求助（批准，之后转到第二支部）", async (w) => {
    const n = await askForAid(w, s.movesToB, { category: "ILLNESS", description: "慢性病长期用药负担重", amount: "1500", urgency: "NORMAL" });
    st.aid.movesToB = n;
    await decideAid(w, a.secretary, n, { approve: { yuan: 1000, source: "PARTY_FEE", note: "困难党员医疗补助" } });
  });
  step("2027-05-18", "组织关系转到第二党支部", async (w) => {
    await recordChange(w, st, `转出 ${s.movesToB.name} 到 ${b.name} 2027-05-18`, { person: s.movesToB, kind: "TRANSFER_INSIDE", effectiveOn: "2027-05-18" });
  });
  step("2027-06-08", "求助（不批准）", async (w) => {
    const n = await askForAid(w, s.refused, { category: "LIVING", description: "想换一部新手机，旧的用不了", amount: "3000", urgency: "NORMAL" });
    st.aid.refused = n;
    await decideAid(w, a.secretary, n, { reject: "不属于帮扶范围" });
  });
  step("2027-06-15", "新党员转入（花名册重新导入）", async (w) => {
    st.joined.push(...(await joinByRoster(w, a, st.gaps)));
  });
  const seeker = a.members[35]!;
  step("2027-07-06", "求职登记", async (w) => {
    await seekWork(w, s.leavesSystem, { skills: "驾驶 C1，熟悉仓储", kinds: ["LOGISTICS"], area: "同心社区周边" });
    await seekWork(w, seeker, { skills: "电工证", kinds: ["SKILLED_TRADE", "LOGISTICS"], area: "同心社区周边" });
  });
  step("2027-07-13", "岗位发布（同一周两条）", async (w) => {
    await postJob(w, a.worker, { type: "JOB", title: "物流园仓库管理员", employer: "同心物流园", kinds: ["LOGISTICS"], area: "同心社区", pay: "4500 元/月", details: "熟悉仓储，会开叉车优先" });
    await postJob(w, a.worker, { type: "POLICY", title: "灵活就业社保补贴申领指南", details: "携身份证到街道社保窗口申领" });
  });
  step("2027-09-07", "岗位发布", async (w) => {
    await postJob(w, a.worker, { type: "JOB", title: "快递分拣员", employer: "同心快递站", kinds: ["LOGISTICS"], area: "同心社区", pay: "计件", details: "夜班可选" });
  });
  step("2027-10-12", "报告已就业", async (w) => {
    await reportJobFound(w, seeker, "同心快递站分拣员");
  });
  step("2027-07-21", "党员去世", async (w) => {
    await recordChange(w, st, `去世 ${s.dies.name} 2027-07-21`, { person: s.dies, kind: "DEATH", effectiveOn: "2027-07-21" });
  });
  step("2027-08-17", "组织关系转出本系统", async (w) => {
    await recordChange(w, st, `转出 ${s.leavesSystem.name} 到系统外 外省某市某党支部 2027-08-17`, { person: s.leavesSystem, kind: "TRANSFER_OUT", effectiveOn: "2027-08-17" });
  });
  return st;
}

/**
 * The secretary of branch A says the roster command and confirms the card it answers with. A
 * refusal, or a card without 确认, is a gap: the member stays on the roll and the year goes on.
 */
async function recordChange(w: World, st: Story, command: string, departure: Omit<Departure, "at">): Promise<void> {
  const secretary = w.cast.a.secretary;
  await w.act(`${secretary.name} 登记 ${departure.person.name} ${departure.kind}`, async () => {
    const answer = await w.say(secretary, command);
    const [confirm] = buttonValues(answer.content, "roster-change-confirm");
    if (!confirm) {
      st.gaps.push(`${w.today} 「${command}」没有确认卡片：${textOf(answer.content).slice(0, 300)}`);
      return;
    }
    await w.click(secretary, answer.message_id, confirm);
    st.departures.push({ ...departure, at: w.h.clock.now().getTime() });
  });
}
