// 冲正 of a granted training subsidy: the button's action id (the form itself is the fund's,
// cards/aid-reversal.ts) and what the member is told.
import { yuanText } from "../src/domain/money.ts";
import { esc, mdLines } from "./aid-common.ts";
import { reversalLines, type ReversalView } from "./aid-request.ts";
import { card, note, t, type Card } from "./kit.ts";

/** Opens the reversal form for an application's subsidy (src/bot/work/actions/training-reverse-open.ts). */
export const TRAINING_REVERSE_OPEN = "training-reverse-open";

export function trainingReversedCard(data: { label: string; course: string; amountFen: number; reversal: ReversalView }): Card {
  return card({
    title: t(`培训补贴已冲正 · ${data.label}`, `Training subsidy reversed · ${data.label}`),
    template: "grey",
    elements: [
      mdLines([
        { zh: `您申请的「${esc(data.course)}」培训补贴 ${yuanText(data.amountFen).zh}已冲正：`, en: `The ${yuanText(data.amountFen).en} subsidy for "${esc(data.course)}" was reversed:` },
        ...reversalLines(data.reversal, null, null).slice(1),
      ]),
      note(t("已批准的学习时间等其他事项不受影响。如有疑问，请联系支部书记。", "Anything else granted (study time) stands. Questions: ask your secretary.")),
    ],
  });
}
