// 催办: the cards that chase a request left waiting. The member's own 催办 and the automatic
// reminder after two working days go to the deciders, with the button that sends them a fresh
// approval card; the notice after five working days goes to the committee's secretary, who
// supervises but does not decide (so it names the branch and the request, not the member's story).
import { CATEGORY_LABEL, URGENCY_LABEL, type AidCategory, type AidUrgency } from "../src/domain/aid-rules.ts";
import { AID_ACTION, mdLines } from "./aid-common.ts";
import { ESCALATION_ACTION } from "./escalation.ts";
import { button, card, note, t, type Card, type Text } from "./kit.ts";

export interface ChasedRequest {
  requestId: number;
  number: string;
  category: AidCategory;
  urgency: AidUrgency;
  /** Local time it was filed, "2026-03-05 14:07". */
  filedAt: string;
}

const what = (r: ChasedRequest): Text => ({
  zh: `**${r.number}** · ${CATEGORY_LABEL[r.category].zh} · ${URGENCY_LABEL[r.urgency].zh} · 提交于 ${r.filedAt}`,
  en: `**${r.number}** · ${CATEGORY_LABEL[r.category].en} · ${URGENCY_LABEL[r.urgency].en} · filed ${r.filedAt}`,
});

const openButton = (r: ChasedRequest) => button({ text: t("打开审批卡片", "Open the approval card"), action: AID_ACTION.open, value: { r: r.requestId }, type: "primary" });

/** The member pressed 催办 (at most once a day). */
export function aidUrgeCard(r: ChasedRequest & { memberName: string; urgedAt: string }): Card {
  return card({
    title: t(`催办 · ${r.number}`, `Reminder · ${r.number}`),
    template: "orange",
    elements: [
      mdLines([{ zh: `申请人 **${r.memberName}** 于 ${r.urgedAt} 催办了帮扶申请，请尽快审批：`, en: `**${r.memberName}** asked at ${r.urgedAt} for a decision on their request:` }, what(r)]),
      openButton(r),
    ],
  });
}

/** The automatic reminder: the request has waited `waited` working days. */
export function aidReminderCard(r: ChasedRequest & { memberName: string; waited: number }): Card {
  return card({
    title: t(`待审批提醒 · ${r.number}`, `Waiting for you · ${r.number}`),
    template: "orange",
    elements: [
      mdLines([{ zh: `**${r.memberName}** 的帮扶申请已等待 ${r.waited} 个工作日，尚未作出决定：`, en: `**${r.memberName}**'s request has waited ${r.waited} working days without a decision:` }, what(r)]),
      openButton(r),
      note(t("批准、不批准或请求补充说明后即不再提醒。", "Deciding, or asking the member for more, ends the reminders.")),
    ],
  });
}

/**
 * The committee's notice: a branch has left a request waiting `waited` working days. With the
 * escalation it raised, a 查看 button opens the request for the committee (cards/escalation.ts).
 */
export function aidEscalationCard(r: ChasedRequest & { branch: string; deciders: string[]; waited: number; escalationId?: number }): Card {
  const who = r.deciders.length > 0 ? r.deciders.join("、") : "—";
  return card({
    title: t(`帮扶申请久未审批 · ${r.branch}`, `An aid request left waiting · ${r.branch}`),
    template: "red",
    elements: [
      mdLines([
        { zh: `**${r.branch}** 有一件帮扶申请已等待 ${r.waited} 个工作日未作决定：`, en: `**${r.branch}** has left a request waiting ${r.waited} working days:` },
        what(r),
        { zh: `**审批人**：${who}`, en: `**Deciders**: ${who}` },
      ]),
      ...(r.escalationId !== undefined
        ? [
            button({ text: t("查看", "Open"), action: ESCALATION_ACTION.open, value: { e: r.escalationId }, type: "primary" }),
            note(t("请督促支部及时审批。点「查看」可看申请详情并答复，查看会记入申请人的查阅记录。", "Please ask the branch to decide. Open it to read the request and answer; the view is logged for the member.")),
          ]
        : [note(t("请督促支部及时审批。申请内容只有支部审批人可以查看。", "Please ask the branch to decide. Only the branch's deciders see the request itself."))]),
    ],
  });
}
