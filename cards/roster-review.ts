// The card a roster re-import sends to the branch secretary: who the file no longer lists, who
// it now lists in another branch, which roles it no longer gives. Nothing has changed yet; 确认
// ends those memberships (kept as history), 暂不处理 leaves everyone as they are.
import { dateWords } from "../src/domain/date-words.ts";
import { itemText, type ReviewItem } from "../src/domain/roster-review.ts";
import { esc, mdLines } from "./aid-common.ts";
import { button, card, hr, md, note, t, type Card, type Element, type Text } from "./kit.ts";

/** Lines shown on the card: a big file's list would pass Lark's 30 KB card limit. */
const CARD_LINES = 30;

export interface RosterReviewCardData {
  reviewId: number;
  orgName: string;
  file: string;
  importedOn: string;
  items: readonly ReviewItem[];
}

function itemLines(items: readonly ReviewItem[]): Element {
  const lines: Text[] = items.slice(0, CARD_LINES).map((i) => {
    const x = itemText(i);
    return { zh: `· ${esc(x.zh)}`, en: `· ${esc(x.en)}` };
  });
  if (items.length > CARD_LINES) lines.push({ zh: `……另有 ${items.length - CARD_LINES} 项（见导入报告）`, en: `… and ${items.length - CARD_LINES} more (see the import report)` });
  return mdLines(lines);
}

export function rosterReviewCard(d: RosterReviewCardData): Card {
  const value = (decision: "confirm" | "discard") => ({ review: d.reviewId, d: decision });
  return card({
    title: t(`名册变动待确认 · ${d.orgName}`, `Roster changes to confirm · ${d.orgName}`),
    subtitle: t(`${dateWords(d.importedOn).zh} 导入「${d.file}」`, `${d.file}, imported ${dateWords(d.importedOn).en}`),
    template: "orange",
    elements: [
      md(t(`新导入的名册与系统不一致，以下 ${d.items.length} 项尚未生效，请核对：`, `The new roster differs from the records. These ${d.items.length} changes wait for you:`)),
      itemLines(d.items),
      hr(),
      button({
        text: t("确认移除", "Confirm"),
        action: "roster-review",
        value: value("confirm"),
        type: "danger",
        confirm: { title: t("确认名册变动", "Confirm roster changes"), text: t(`将按名册结束以上 ${d.items.length} 项组织关系或角色（记录保留，可在宽限期内撤销）。`, `Ends these ${d.items.length} memberships or roles (kept on record; can be undone within the grace period).`) },
      }),
      button({ text: t("暂不处理", "Not now"), action: "roster-review", value: value("discard") }),
      note(t("确认后：相关党员的谈心、走访、结对等待办按“名册移除”关闭，不再提醒；记录不会删除。名册有误请改正后重新导入。", "Once confirmed, their open talks, visits and pairings close as \"removed from the roster\" and no reminders follow; nothing is deleted. If the file is wrong, correct it and import again.")),
    ],
  });
}

export interface RosterReviewedCardData {
  orgName: string;
  decision: "confirm" | "discard";
  byName: string;
  items: readonly ReviewItem[];
  /** Names whose removal was skipped: they had already left, or their roles changed meanwhile. */
  skipped: readonly string[];
}

export function rosterReviewedCard(d: RosterReviewedCardData): Card {
  const head: Text =
    d.decision === "confirm"
      ? { zh: `✅ ${esc(d.byName)}已确认：以下 ${d.items.length - d.skipped.length} 项已按名册生效（名册移除）。`, en: `✅ Confirmed by ${esc(d.byName)}: ${d.items.length - d.skipped.length} changes applied (removed from the roster).` }
      : { zh: `⏸ ${esc(d.byName)}选择暂不处理：名单中的人员保持不变。`, en: `⏸ ${esc(d.byName)} left it for now: nobody was removed.` };
  const elements: Element[] = [md(head), itemLines(d.items)];
  if (d.skipped.length > 0) {
    elements.push(note(t(`未处理（已不在本组织或角色已变）：${d.skipped.map(esc).join("、")}`, `Skipped (already gone or changed): ${d.skipped.map(esc).join(", ")}`)));
  }
  return card({ title: t(`名册变动 · ${d.orgName}`, `Roster changes · ${d.orgName}`), template: d.decision === "confirm" ? "green" : "grey", elements });
}
