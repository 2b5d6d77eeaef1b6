// 意见建议: the form to put a suggestion, an opinion or a criticism to the branch (参与权, 监督权),
// named or anonymous; for a secretary or affairs worker also the items of their organisation
// (a 党委's: every branch below, without author names).
import { suggestionFormCard, suggestionListCard } from "../../../../cards/suggestion.ts";
import type { Command } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { listed, overseen } from "../views.ts";

export const suggest: Command = {
  name: "意见建议",
  aliases: ["suggestion", "意见箱"],
  summary: { zh: "向支部提意见、建议或批评，可匿名；书记在这里查看和答复", en: "put a suggestion or criticism to the branch, anonymously if you wish" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    for (const o of await overseen(ctx)) {
      const items = await ctx.store.suggestions.suggestionsOfOrgs(o.orgIds);
      for (const s of items) {
        await ctx.audit({ action: "suggestion.view", subjectType: "Suggestion", subjectId: s.id, orgId: s.orgId, subjectPersonId: s.authorId });
      }
      const open = items.filter((s) => s.status === "OPEN").length;
      ctx.reply({ card: suggestionListCard({ scope: o.name, committee: o.committee, open, items: items.map((s) => listed(ctx, s, o.committee ? "committee" : "branch")) }) });
    }
    const branch = await ctx.store.aidPeople.memberBranch(ctx.actor.personId);
    if (!branch) {
      throw new UserError("no_branch", { zh: "名册中没有您所在的支部，暂时无法提意见建议，请联系支部书记。", en: "The roster has no branch for you; please contact your branch secretary." });
    }
    // Words typed after the command are in the chat with the sender's name: such a form is named only.
    const prefill = ctx.args.trim();
    ctx.reply({ card: suggestionFormCard({ branch: branch.orgName, anonymousAllowed: prefill === "", ...(prefill ? { prefill: prefill.slice(0, 1000) } : {}) }) });
  },
};
