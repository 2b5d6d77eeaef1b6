// The review card of a hardship-archive entry (动态管理) for the branch secretary, or for the
// upper organisation when the review is overdue or referred: keep (level, notes, next review),
// resolve (reason) or refer upward (reason).
import { CAUSE_LABEL, HARDSHIP_LEVELS, LEVEL_LABEL, type HardshipCause, type HardshipLevel } from "../src/domain/hardship-rules.ts";
import { dateWords } from "../src/domain/date-words.ts";
import { clip, esc, joinText, mdLines } from "./aid-common.ts";
import { button, card, datePicker, form, input, md, note, select, t, type Card, type Element, type Text } from "./kit.ts";

export interface ReviewCardData {
  entryId: number;
  /** The review day this card is for; a decision on a stale card is refused. */
  reviewOn: string;
  memberName: string;
  orgName: string;
  level: HardshipLevel;
  causes: HardshipCause[];
  household: string;
  openedOn: string;
  suggestedNext: string;
  /** Why it reached this reader: overdue, referred. */
  banner?: Text;
  /** The day the card is made (it is pushed: dates stay absolute, the year shown when it is not this one). */
  today?: string;
}

export function hardshipReviewCard(d: ReviewCardData): Card {
  const value = (decision: "keep" | "resolve" | "refer") => ({ e: d.entryId, r: d.reviewOn, d: decision });
  const elements: Element[] = [];
  if (d.banner) elements.push(md(d.banner));
  elements.push(
    mdLines([
      { zh: `**党员**：${d.memberName}（${d.orgName}）`, en: `**Member**: ${d.memberName} (${d.orgName})` },
      { zh: `**级别**：${LEVEL_LABEL[d.level].zh}　**原因**：${joinText(d.causes.map((c) => CAUSE_LABEL[c])).zh}`, en: `**Level**: ${LEVEL_LABEL[d.level].en} · **Causes**: ${joinText(d.causes.map((c) => CAUSE_LABEL[c])).en}` },
      { zh: `**家庭情况**：${esc(clip(d.household, 300))}`, en: `**Household**: ${esc(clip(d.household, 300))}` },
      { zh: `**建档**：${dateWords(d.openedOn, d.today).zh}　**本次复核日**：${dateWords(d.reviewOn, d.today).zh}`, en: `**Opened**: ${dateWords(d.openedOn, d.today).en} · **Review due**: ${dateWords(d.reviewOn, d.today).en}` },
    ]),
    form("review", [
      select({ name: "level", placeholder: t("困难级别", "Level"), initial: d.level, options: HARDSHIP_LEVELS.map((l) => ({ value: l, text: LEVEL_LABEL[l] })) }),
      datePicker({ name: "next", placeholder: t("下次复核日期", "Next review"), initial: d.suggestedNext }),
      input({ name: "notes", label: t("复核情况 / 原因", "Findings / reason"), multiline: true, maxLength: 500 }),
      button({ text: t("继续帮扶", "Keep"), action: "hardship-review", value: value("keep"), type: "primary_filled", name: "keep", submit: true }),
      button({ text: t("已解困，销档", "Resolved"), action: "hardship-review", value: value("resolve"), type: "primary", name: "resolve", submit: true }),
      button({ text: t("上报上级党组织", "Refer upward"), action: "hardship-review", value: value("refer"), type: "danger", name: "refer", submit: true }),
    ]),
    note(t("销档和上报须填写原因。档案属个人敏感信息，每次复核都会记录。", "Resolving or referring needs a reason. Every review is logged.")),
  );
  return card({ title: t(`困难党员档案复核 · ${d.memberName}`, `Hardship review · ${d.memberName}`), template: "carmine", elements });
}

const DECIDED: Record<"keep" | "resolve" | "refer", Text> = {
  keep: { zh: "继续帮扶", en: "kept" },
  resolve: { zh: "已解困销档", en: "resolved" },
  refer: { zh: "已上报上级党组织", en: "referred upward" },
};

export function hardshipReviewedCard(d: { memberName: string; decision: "keep" | "resolve" | "refer"; byName: string; nextReviewOn?: string; reason?: string; today?: string }): Card {
  const lines: Text[] = [{ zh: `✅ ${d.byName}复核：${DECIDED[d.decision].zh}`, en: `✅ Reviewed by ${d.byName}: ${DECIDED[d.decision].en}` }];
  if (d.nextReviewOn) {
    const next = dateWords(d.nextReviewOn, d.today);
    lines.push({ zh: `下次复核：${next.zh}`, en: `Next review: ${next.en}` });
  }
  if (d.reason) lines.push({ zh: `原因：${esc(clip(d.reason, 200))}`, en: `Reason: ${esc(clip(d.reason, 200))}` });
  return card({ title: t(`困难党员档案复核 · ${d.memberName}`, `Hardship review · ${d.memberName}`), template: "green", elements: [mdLines(lines)] });
}
