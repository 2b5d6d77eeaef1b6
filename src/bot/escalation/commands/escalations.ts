// 上报事项: what branches below raised to the reader's organisation (secretary or affairs worker of
// an organisation above branches): open items first, then those closed this year, each with 查看.
// The list names the members concerned, so each one shown is an audit line about them.
import { escalationListCard } from "../../../../cards/escalation.ts";
import { COMMITTEE_DESK_ROLES } from "../../../domain/escalation.ts";
import { dayIn, localYear, yearBounds } from "../../../domain/zoned-time.ts";
import { aboveBranches } from "../../../domain/roles.ts";
import type { Command } from "../../context.ts";

export const escalationList: Command = {
  name: "上报事项",
  aliases: ["escalations"],
  summary: { zh: "上级党组织：查看支部上报的事项并答复", en: "for the organisation above: items branches raised to you" },
  roles: COMMITTEE_DESK_ROLES,
  grants: aboveBranches,
  instead: { ask: "SECRETARY" },
  privateOnly: true,
  async run(ctx) {
    const tz = ctx.config.timezone;
    const year = localYear(ctx.clock.now(), tz);
    const rows = await ctx.store.escalations.escalationsFor(ctx.actor.personId, yearBounds(year, tz).start);
    for (const r of rows) {
      await ctx.audit({ action: "escalation.list", subjectType: r.subjectType, subjectId: r.subjectId, orgId: r.fromOrgId, subjectPersonId: r.subjectPersonId, changes: { escalationId: r.id } });
    }
    ctx.reply({
      card: escalationListCard({
        year,
        items: rows.map((r) => ({
          escalationId: r.id,
          fromOrg: r.fromOrgName,
          subject: r.subjectType,
          reason: r.reason,
          number: r.subjectNumber,
          memberName: r.subjectName,
          raisedOn: dayIn(r.raisedAt, tz),
          status: r.status,
          closedOn: r.closedAt ? dayIn(r.closedAt, tz) : null,
        })),
      }),
    });
  },
};
