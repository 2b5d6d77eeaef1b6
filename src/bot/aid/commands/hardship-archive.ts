import { hardshipListCard } from "../../../../cards/aid-hardship.ts";
import { ARCHIVE_ROLES } from "../../../domain/aid-rules.ts";
import { reviewOverdue } from "../../../domain/hardship-rules.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { committeeArchiveCard, entryCardOf, openFormOf } from "../hardship-view.ts";
import type { Command } from "../../context.ts";
import { todayOf } from "../../context.ts";
import { UserError } from "../../errors.ts";

/** 档案 [姓名]: the branch's hardship archive, or one member's entry (or the form that opens one). */
export const hardshipArchive: Command = {
  name: "档案",
  aliases: ["困难党员档案", "困难档案", "hardship"],
  summary: { zh: "困难党员档案：列表，或「档案 姓名」查看、建档", en: "hardship archive: the list, or \"档案 <name>\" to view or open an entry" },
  roles: ARCHIVE_ROLES,
  instead: { commands: ["我的"] },
  privateOnly: true,
  async run(ctx) {
    const orgIds = orgsWhere(ctx.actor, ARCHIVE_ROLES);
    const [name, tail] = ctx.args.split(/\s+/).filter(Boolean);
    if (!name) {
      for (const orgId of orgIds) {
        // An organisation above branches sees their archives as figures; an entry itself only once raised to it (上报事项).
        const branches = await ctx.store.orgs.branchesAmong((await ctx.store.orgs.orgAndBelow(orgId)).filter((id) => id !== orgId));
        if (branches.length > 0) {
          ctx.reply({ card: await committeeArchiveCard(ctx, orgId, branches) });
          continue;
        }
        const rows = await ctx.store.aidHardship.entriesOf([orgId]);
        const orgName = await ctx.store.orgs.orgName(orgId);
        // One line per entry listed: each member can see that their entry was shown.
        for (const r of rows) await ctx.audit({ action: "hardship.list", subjectType: "HardshipEntry", subjectId: r.id, orgId, subjectPersonId: r.personId });
        const d = todayOf(ctx);
        ctx.reply({
          card: hardshipListCard({
            orgName: orgName ?? "?",
            items: rows.map((r) => ({ entryId: r.id, name: r.name, status: r.status, level: r.level, causes: r.causes, nextReviewOn: r.nextReviewOn, overdue: r.status === "ACTIVE" && reviewOverdue(r.nextReviewOn, d) })),
          }),
        });
      }
      return;
    }
    const found = (await ctx.store.aidPeople.membersNamed(name, orgIds)).filter((p) => !tail || p.mobileTail === tail);
    if (found.length === 0) throw new UserError("member_not_found", { zh: `在您所在支部找不到党员「${name}」，请核对姓名。`, en: `No member called "${name}" in your branch.` });
    if (found.length > 1) throw new UserError("member_ambiguous", { zh: `有 ${found.length} 位党员名为「${name}」，请加上手机尾号，例如「档案 ${name} ${found[0]?.mobileTail ?? "0000"}」。`, en: `${found.length} members share that name; add the last 4 digits of the mobile.` });
    const p = found[0]!;
    const entry = await ctx.store.aidHardship.entryOf(p.id);
    if (entry) {
      await ctx.audit({ action: "hardship.view", subjectType: "HardshipEntry", subjectId: entry.id, orgId: entry.orgId, subjectPersonId: entry.personId });
      ctx.reply({ card: await entryCardOf(ctx, entry) });
    }
    if (!entry || entry.status === "RESOLVED") ctx.reply({ card: openFormOf(ctx, p, null) });
  },
};
