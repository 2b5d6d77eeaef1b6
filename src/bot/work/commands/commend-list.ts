import { commendListCard } from "../../../../cards/commend.ts";
import { COMMEND_DECIDER_ROLES } from "../../../domain/commend-rules.ts";
import { requestLabel } from "../../../domain/request-label.ts";
import { hasRole } from "../../../domain/roles.ts";
import type { Command } from "../../context.ts";

/**
 * 表彰记录: the branch's commendations. Approved ones are public honours and everyone in the
 * branch sees them; the secretary (in a private chat) also sees pending, declined and revoked
 * ones, with a button to open each decision card.
 */
export const commendList: Command = {
  name: "表彰记录",
  aliases: ["表彰", "commendations"],
  summary: { zh: "查看本支部的表彰记录", en: "see the branch's commendations" },
  roles: "anyone",
  async run(ctx) {
    // In a group chat everyone reads the answer: only the public honours, whoever asks.
    const inGroup = ctx.inbound.kind === "message" && ctx.inbound.chatType === "group";
    for (const orgId of [...new Set(ctx.actor.grants.map((g) => g.orgId))]) {
      const secretary = !inGroup && hasRole(ctx.actor, COMMEND_DECIDER_ROLES, orgId);
      const rows = (await ctx.store.commendations.commendationsIn([orgId])).filter((c) => secretary || c.status === "APPROVED");
      const names = await ctx.store.people.personNames(rows.map((c) => c.personId));
      const orgName = ctx.actor.grants.find((g) => g.orgId === orgId)?.orgName ?? "?";
      ctx.reply({ card: commendListCard({ orgName, canOpen: secretary, items: rows.map((c) => ({ id: c.id, label: requestLabel(c), member: names.get(c.personId) ?? "?", title: c.title, level: c.level, status: c.status, awardedOn: c.awardedOn })) }) });
    }
  },
};
