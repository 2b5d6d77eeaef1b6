// 导出谈心记录 [季度]: the branch secretary's own action that sends the branch's talk ledger WITH the
// notes to them, as a file in this private chat. Notes leave the bot only this way (or by the
// server's script, which records who ran it): each export is audited with who asked and which
// branch, and a line for each member whose notes are in it, so they see it among who read theirs.
import { t } from "../../../../cards/kit.ts";
import { EXPORT_KEEP_MS } from "../../../domain/export-limit.ts";
import { parseQuarter, quarterOf, quarterName } from "../../../domain/quarter.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { buildTalkNotesWorkbook } from "../../../export/talk-notes.ts";
import { workbookBytes } from "../../../export/personal-data.ts";
import { todayOf, type Command } from "../../context.ts";
import { notAllowed, UserError } from "../../errors.ts";

export const exportTalkNotes: Command = {
  name: "导出谈心记录",
  aliases: ["export talk notes"],
  summary: { zh: "把本支部一个季度的谈心记录（含谈话内容）以表格文件发给书记本人", en: "receive your branch's talk records of a quarter, notes included, as a spreadsheet" },
  roles: ["SECRETARY"],
  privateOnly: true,
  instead: { commands: ["谈心记录"], ask: "SECRETARY" },
  async run(ctx) {
    const { store, actor } = ctx;
    const today = todayOf(ctx);
    const arg = ctx.args.trim();
    const period = arg === "" ? quarterOf(today) : parseQuarter(arg);
    if (!period) throw new UserError("usage", t("用法：导出谈心记录 [季度，如 2027Q1]，不写季度即本季度", "Usage: 导出谈心记录 [quarter, e.g. 2027Q1]; this quarter when left out"));
    if (period.start > today) throw new UserError("future_quarter", { zh: `${quarterName(period).zh}还没有开始。`, en: `${quarterName(period).en} has not started.` });
    const branches = await store.orgs.branchesAmong(orgsWhere(actor, ["SECRETARY"]));
    if (branches.length === 0) throw notAllowed(["谈心记录"]);
    const end = period.end < today ? period.end : today;
    const now = ctx.clock.now();

    for (const branch of branches) {
      const talks = await store.talkLedger.ledgerTalks({ orgId: branch.id, start: period.start, end, withNotes: true });
      const bytes = await workbookBytes(buildTalkNotesWorkbook(talks));
      const file = await store.exportFiles.createExportFile({
        personId: actor.personId,
        kind: "talk-notes",
        fileName: `谈心记录（含内容）-${branch.name}-${period.label}.xlsx`,
        bytes,
        at: now,
        expiresAt: new Date(now.getTime() + EXPORT_KEEP_MS),
      });
      await ctx.audit({ action: "talk.export-notes", subjectType: "Organization", subjectId: branch.id, orgId: branch.id, changes: { quarter: period.label, file: file.id, talks: talks.length, via: "chat" } });
      for (const memberId of new Set(talks.map((x) => x.memberId))) {
        const ids = talks.filter((x) => x.memberId === memberId).map((x) => x.id);
        await ctx.audit({ action: "talk.export-notes", subjectType: "Talk", subjectId: ids[0]!, orgId: branch.id, subjectPersonId: memberId, changes: { quarter: period.label, file: file.id, talks: ids } });
      }
      ctx.reply({ file: { exportFileId: file.id } });
      ctx.reply({
        text: {
          zh: `已发送${branch.name}${quarterName(period).zh}的谈心记录（含谈话内容，共 ${talks.length} 次）。文件含党员的个人信息，请勿转发，用后删除。本次导出已记录。`,
          en: `Sent ${branch.name}'s talk records of ${quarterName(period).en} with their notes (${talks.length} talks). The file holds members' personal information: do not forward it, and delete it after use. This export is recorded.`,
        },
      });
    }
  },
};
