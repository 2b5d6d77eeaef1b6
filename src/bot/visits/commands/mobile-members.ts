import type { Prisma } from "../../../generated/prisma/client.ts";
import { mobileMembersCard } from "../../../../cards/visit-mobile.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { isLostContact } from "../../../domain/visit-contact.ts";
import { auditDiff, diffFields } from "../../../store/audit.ts";
import type { Command } from "../../context.ts";
import { todayOf } from "../../context.ts";
import { UserError } from "../../errors.ts";

const ROWS = 20;
/** The mobile tag is kept in the audit; the whereabouts (where someone lives and how to reach them) only named. */
const MOBILE_PLAIN_FIELDS = ["tags"];

/**
 * 流动党员: the branch's mobile members with where they are and when they were last reached;
 * 「流动党员 <姓名> <去向>」 marks a member mobile, 「流动党员 取消 <姓名>」 unmarks them.
 */
export const mobileMembersCommand: Command = {
  name: "流动党员",
  aliases: ["mobile members"],
  summary: { zh: "查看、登记流动党员（去向、联系人、失联情况）", en: "see and mark mobile members (whereabouts, contact, lost touch)" },
  roles: ["SECRETARY"],
  instead: { commands: ["走访"] },
  privateOnly: true,
  async run(ctx) {
    const branches = orgsWhere(ctx.actor, ["SECRETARY"]);
    const args = ctx.args.trim();
    let done: string | undefined;
    let orgId = branches[0]!;
    if (args) {
      const unset = /^(?:取消|移除)\s+(\S+)$/.exec(args);
      const set = unset ? null : /^(\S+)\s+([\s\S]+)$/.exec(args);
      const who = unset?.[1] ?? set?.[1];
      if (!who) {
        throw new UserError("mobile_usage", {
          zh: "请这样登记：流动党员 <姓名> <去向与联系方式>；取消：流动党员 取消 <姓名>。",
          en: "Usage: 流动党员 <name> <whereabouts and how to reach>; to unset: 流动党员 取消 <name>.",
        });
      }
      const found = await ctx.store.visitPeople.findInBranches(who, branches);
      if (!found.ok) {
        throw new UserError(found.why === "none" ? "unknown_member" : "ambiguous_member", {
          zh: found.why === "none" ? `在您的支部没有找到党员「${who}」。` : `有多位党员名为「${who}」，请写 姓名#手机尾号。`,
          en: found.why === "none" ? `No member "${who}" in your branch.` : `Several members are called "${who}"; write name#last-mobile-digits.`,
        });
      }
      const c = unset ? await ctx.store.visitMobile.unmarkMobile(found.person.id) : await ctx.store.visitMobile.markMobile(found.person.id, set![2]!.trim().slice(0, 200));
      await ctx.audit({ action: unset ? "person.mobile.unset" : "person.mobile.set", subjectType: "Person", subjectId: found.person.id, orgId: found.person.orgId, subjectPersonId: found.person.id, changes: auditDiff(diffFields(c.before, c.after), MOBILE_PLAIN_FIELDS) });
      orgId = found.person.orgId;
      done = unset ? `已取消${c.name}的流动党员标记。` : `已登记${c.name}为流动党员：${c.after.whereabouts}`;
    }
    const day = todayOf(ctx);
    const { settings, orgName } = await ctx.store.visitPeople.visitSettingsOf(orgId, ctx.log);
    const all = await ctx.store.visitMobile.mobileMembers(ctx.config.timezone, [orgId]);
    const leaderName = await ctx.store.people.personNames(all.map((m) => m.leaderId));
    const rows = all
      .map((m) => ({ id: m.id, name: m.name, whereabouts: m.whereabouts, leaderName: m.leaderId ? (leaderName.get(m.leaderId) ?? null) : null, lastContact: m.lastContact, lost: isLostContact(m.lastContact, m.since, day, settings.lostContactMonths) }))
      .sort((a, b) => Number(b.lost) - Number(a.lost));
    // One line per member shown (their whereabouts are personal): each can see it in 谁看过我的档案.
    for (const r of rows.slice(0, ROWS)) await ctx.audit({ action: "person.mobile.list", subjectType: "Person", subjectId: r.id, orgId, subjectPersonId: r.id });
    ctx.reply({ card: mobileMembersCard({ orgName, rows: rows.slice(0, ROWS), total: rows.length, lostMonths: settings.lostContactMonths, today: day, ...(done ? { done } : {}) }) });
  },
};
