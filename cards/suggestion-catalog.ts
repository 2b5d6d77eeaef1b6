// The 意见建议 cards with sample data, for the catalog (cards/catalog.ts).
import type { Card } from "./kit.ts";
import { mySuggestionsCard, suggestionAnsweredCard, suggestionFormCard, suggestionForSecretaryCard, suggestionListCard, suggestionSubmittedCard, type SuggestionView } from "./suggestion.ts";

const open: SuggestionView = {
  id: 7,
  number: "2026-0031",
  kind: "CRITICISM",
  branch: "磐东居委第一党支部",
  body: "支部活动总是安排在工作日白天，上班的党员参加不了，希望改到周末或晚上。",
  author: null,
  filed: { zh: "2026年12月3日", en: "3 December" },
  answer: null,
};

export const SUGGESTION_CARDS: Record<string, () => Card> = {
  "suggestion-form": () => suggestionFormCard({ branch: "磐东居委第一党支部", anonymousAllowed: true }),
  "suggestion-form-prefilled": () => suggestionFormCard({ branch: "磐东居委第一党支部", prefill: "楼道灯坏了很久，希望支部帮忙协调物业。", anonymousAllowed: false }),
  "suggestion-submitted-anonymous": () => suggestionSubmittedCard({ number: "2026-0031", kind: "CRITICISM", body: open.body, anonymous: true, notified: 1 }),
  "suggestion-submitted-named": () => suggestionSubmittedCard({ number: "2026-0032", kind: "SUGGESTION", body: "楼道灯坏了很久，希望支部帮忙协调物业。", anonymous: false, notified: 0 }),
  "suggestion-secretary": () => suggestionForSecretaryCard(open),
  "suggestion-secretary-named-answered": () =>
    suggestionForSecretaryCard({ ...open, kind: "SUGGESTION", author: "张三", answer: { text: "已和物业联系，本周内修好。", by: "王建国", at: { zh: "2026年12月4日", en: "4 December 2026" } } }),
  "suggestion-reminder": () => suggestionForSecretaryCard(open, { reminder: { waited: 5 } }),
  "suggestion-answered": () => suggestionAnsweredCard({ number: "2026-0031", kind: "CRITICISM", branch: open.branch, body: open.body, answer: "下月起每月一次活动安排在周六上午。", anonymous: true }),
  "suggestion-list": () =>
    suggestionListCard({
      scope: "磐东居委第一党支部",
      committee: false,
      open: 1,
      items: [
        { number: "2026-0031", kind: "CRITICISM", branch: open.branch, body: open.body, who: { zh: "匿名", en: "anonymous" }, filed: { zh: "2026年12月3日", en: "3 December" }, answer: null },
        { number: "2026-0029", kind: "SUGGESTION", branch: open.branch, body: "建议组织一次消防安全学习。", who: { zh: "张三", en: "张三" }, filed: { zh: "2026年11月20日", en: "20 November" }, answer: "已列入下月学习计划。" },
      ],
    }),
  "suggestion-list-committee": () =>
    suggestionListCard({
      scope: "磐东社区党委",
      committee: true,
      open: 1,
      items: [{ number: "2026-0031", kind: "CRITICISM", branch: open.branch, body: open.body, who: { zh: "匿名", en: "anonymous" }, filed: { zh: "2026年12月3日", en: "3 December" }, answer: null }],
    }),
  "suggestion-mine": () => mySuggestionsCard({ items: [{ number: "2026-0029", kind: "SUGGESTION", branch: open.branch, body: "建议组织一次消防安全学习。", who: { zh: "署名", en: "named" }, filed: { zh: "2026年11月20日", en: "20 November" }, answer: "已列入下月学习计划。" }] }),
  "suggestion-mine-empty": () => mySuggestionsCard({ items: [] }),
};
