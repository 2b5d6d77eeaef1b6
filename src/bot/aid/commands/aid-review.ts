import { openRequestsCard } from "../../../../cards/aid-approval.ts";
import { DECIDER_ROLES, parseRequestNumber } from "../../../domain/aid-rules.ts";
import { localDateTime } from "../../../domain/zoned-time.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { approvalKeyPrefix, loadRequest, requireDecider } from "../approval.ts";
import { approvalCardOf } from "../approval-view.ts";
import { unknownRequest } from "../errors.ts";
import type { Command } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { reopenByNumber } from "../../work/reopen.ts";

/** 审批 [编号]: the requests waiting in the decider's branches, or a fresh approval card for one. */
export const aidReview: Command = {
  name: "审批",
  aliases: ["待审批", "review aid"],
  summary: { zh: "查看待审批的帮扶申请，或「审批 编号」重新打开审批卡片", en: "requests waiting for you, or \"审批 <number>\" to reopen one" },
  roles: DECIDER_ROLES,
  instead: { commands: ["我的"] },
  privateOnly: true,
  async run(ctx) {
    const tz = ctx.config.timezone;
    if (ctx.args) {
      const number = parseRequestNumber(ctx.args);
      if (!number) throw new UserError("bad_number", { zh: `「${ctx.args.slice(0, 20)}」不是申请编号，编号形如 2026-0001。`, en: `"${ctx.args.slice(0, 20)}" is not a request number (like 2026-0001).` });
      // One sequence numbers every kind of request: a training, nomination or question reopens its own card.
      const held = await ctx.store.requestNumbers.requestHolding(number);
      if (held && held.kind !== "aid") return reopenByNumber(ctx, { kind: held.kind, id: held.id });
      const req = await ctx.store.aidRequests.findRequestByNumber(number);
      if (!req) throw unknownRequest(number);
      requireDecider(ctx.actor, req);
      const rc = await loadRequest(ctx, req.id);
      await ctx.audit({ action: "aid.request.view", subjectType: "AidRequest", subjectId: req.id, orgId: req.orgId, subjectPersonId: req.personId });
      ctx.send({ openId: ctx.actor.openId }, { card: approvalCardOf(rc, ctx) }, `${approvalKeyPrefix(req.id)}open-${ctx.actor.personId}-${ctx.inbound.key}`);
      return;
    }
    const rows = (await ctx.store.aidRequests.openRequests(orgsWhere(ctx.actor, DECIDER_ROLES))).filter((r) => r.personId !== ctx.actor.personId);
    const names = await ctx.store.people.personNames(rows.map((r) => r.personId));
    // One line per request listed: each member can see that their request was shown.
    for (const r of rows) await ctx.audit({ action: "aid.request.list", subjectType: "AidRequest", subjectId: r.id, orgId: r.orgId, subjectPersonId: r.personId, changes: { number: r.number } });
    ctx.reply({
      card: openRequestsCard({
        items: rows.map((r) => ({
          requestId: r.id,
          number: r.number,
          name: names.get(r.personId) ?? "?",
          category: r.category,
          urgency: r.urgency,
          status: r.status,
          requestedFen: r.requestedFen,
          filedAt: localDateTime(r.createdAt, tz),
        })),
      }),
    });
  },
};
