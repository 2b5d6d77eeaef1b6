// 我的意见: the member's own named suggestions with their answers. Anonymous ones are linked to
// nobody, so they cannot be listed here (the submit card says so).
import { mySuggestionsCard } from "../../../../cards/suggestion.ts";
import type { Command } from "../../context.ts";
import { listed } from "../views.ts";

export const mySuggestions: Command = {
  name: "我的意见",
  aliases: ["my suggestions"],
  summary: { zh: "查看我署名提过的意见建议和答复", en: "your named suggestions and their answers" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    const rows = await ctx.store.suggestions.namedSuggestionsOf(ctx.actor.personId);
    const orgNames = await ctx.store.orgs.orgNames(rows.map((r) => r.orgId));
    const items = rows.map((r) => listed(ctx, { ...r, orgName: orgNames.get(r.orgId) ?? "?", authorName: ctx.actor.name }, "author"));
    ctx.reply({ card: mySuggestionsCard({ items }) });
  },
};
