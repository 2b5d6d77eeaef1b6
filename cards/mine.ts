// 我的 on a phone: what each care area adds to the member's one card comes as a section with a
// title and its lines, and a section with nothing in it is not drawn at all (four "暂无" blocks
// were most of the card for most members). Nothing anywhere: one friendly line and the buttons
// to start something.
import { dateWords } from "../src/domain/date-words.ts";
import type { Day } from "../src/domain/calendar-day.ts";
import { mdLines } from "./aid-common.ts";
import { commandButton } from "./help.ts";
import { columns, hr, md, t, type Element, type Text } from "./kit.ts";
import { TALK_FORM_LABEL } from "./talk-parts.ts";

/** A titled section, or nothing when it has no lines. */
export function mineSection(title: Text, lines: readonly Text[]): Element[] {
  if (lines.length === 0) return [];
  return [hr(), mdLines([{ zh: `**${title.zh}**`, en: `**${title.en}**` }, ...lines])];
}

/** 谈心: the latest talk with the member (when, with whom, how), never its notes; 我的谈心 has the rest. */
export function talkMineSection(d: { last: { heldOn: Day; leaderName: string; form: keyof typeof TALK_FORM_LABEL } | null; count: number; today?: Day }): Element[] {
  if (!d.last) return [];
  const on = dateWords(d.last.heldOn, d.today);
  const form = TALK_FORM_LABEL[d.last.form];
  return mineSection(t("谈心谈话", "Talks"), [
    { zh: `最近一次：${on.zh}与${d.last.leaderName}（${form.zh}）`, en: `Latest: ${on.en} with ${d.last.leaderName} (${form.en})` },
    ...(d.count > 1 ? [t("更早的谈心，发送「我的谈心」查看", "Earlier talks: send “我的谈心”")] : []),
  ]);
}

/** Shown instead of every section when the member has nothing yet: what they can start. */
export function mineEmptyElements(): Element[] {
  return [
    md(t("您还没有申请或记录。需要时可以：", "Nothing on record for you yet. When you need it:")),
    mdLines([
      t("**求助**　遇到困难，申请帮扶", "**求助** (help me): ask for help"),
      t("**培训申请**　申请学习时间、培训补贴", "**培训申请** (training): apply for training support"),
      t("**求职登记**　登记求职，接收岗位信息", "**求职登记** (looking for work): get job postings"),
      t("**提问**　向支部书记提问", "**提问** (ask): ask the branch secretary"),
    ]),
    columns([[commandButton("求助", "primary")], [commandButton("培训申请")], [commandButton("求职登记")]], { flex: "none" }),
  ];
}
