// 上报 <编号|姓名> [说明]: a branch's secretary puts an item before the organisation above (an aid
// request, a training application or a suggestion by its number; a member's active hardship entry
// by their name); an aid delegate may raise an aid request of their branch. Raising twice is one
// escalation.
import { parseRaise, raiseRoles, SUBJECT_LABEL } from "../../../domain/escalation.ts";
import { hasRole, orgsWhere } from "../../../domain/roles.ts";
import type { Command } from "../../context.ts";
import { must, UserError } from "../../errors.ts";
import { loadItem, type LoadedItem } from "../item.ts";
import { raiseItem } from "../raise.ts";

const notFound = (number: string) =>
  new UserError("unknown_number", { zh: `在您负责的支部找不到编号为「${number}」的帮扶申请、培训申请或意见建议，请核对编号（例如 2026-0007）。`, en: `Nothing numbered "${number}" in your branch; check the number (e.g. 2026-0007).` });

export const raise: Command = {
  name: "上报",
  aliases: ["上报党委", "escalate"],
  summary: { zh: "把帮扶申请、困难档案等事项上报上级党组织：「上报 2026-0007 说明」或「上报 姓名」", en: 'raise an item to the organisation above: "上报 <number> <note>" or "上报 <name>"' },
  roles: ["SECRETARY", "AID_DELEGATE"],
  instead: { commands: ["提问"], ask: "SECRETARY" },
  privateOnly: true,
  async run(ctx) {
    const { target, note } = must(parseRaise(ctx.args));
    let item: LoadedItem | null;
    if ("number" in target) {
      const found = await ctx.store.escalations.itemByNumber(target.number);
      item = found ? await loadItem(ctx, found.subjectType, found.id) : null;
      if (!item || !hasRole(ctx.actor, raiseRoles(item.subjectType), item.orgId)) throw notFound(target.number);
    } else {
      const orgIds = orgsWhere(ctx.actor, ["SECRETARY"]);
      const found = (await ctx.store.aidPeople.membersNamed(target.name, orgIds)).filter((p) => !target.tail || p.mobileTail === target.tail);
      if (found.length === 0) throw new UserError("member_not_found", { zh: `在您任书记的支部找不到党员「${target.name}」，请核对姓名；帮扶申请请用编号上报。`, en: `No member called "${target.name}" in a branch where you are secretary.` });
      if (found.length > 1) throw new UserError("member_ambiguous", { zh: `有 ${found.length} 位党员名为「${target.name}」，请加上手机尾号，例如「上报 ${target.name} ${found[0]?.mobileTail ?? "0000"}」。`, en: `${found.length} members share that name; add the last 4 digits of the mobile.` });
      const entry = await ctx.store.aidHardship.entryOf(found[0]!.id);
      if (!entry || entry.status !== "ACTIVE") throw new UserError("no_active_entry", { zh: `${target.name}没有在档的困难党员档案，无法上报。请先「档案 ${target.name}」建档。`, en: `${target.name} has no active hardship entry to raise.` });
      item = await loadItem(ctx, "HardshipEntry", entry.id);
      if (!item || !hasRole(ctx.actor, ["SECRETARY"], item.orgId)) throw new UserError("member_not_found", { zh: `${target.name}的档案不在您任书记的支部。`, en: `${target.name}'s entry is not in your branch.` });
    }
    const r = await raiseItem(ctx, item, { reason: "RAISED", note });
    const label = SUBJECT_LABEL[item.subjectType];
    const what = { zh: `${label.zh}${item.number ? ` ${item.number}` : ""}`, en: `${label.en}${item.number ? ` ${item.number}` : ""}` };
    if (!r.created) {
      ctx.reply({ text: { zh: `已上报：该${what.zh}此前已上报${r.toOrgName}${r.status === "CLOSED" ? "，并已办结" : "，正在办理"}，不再重复上报。`, en: `Already raised: this ${what.en} was raised to ${r.toOrgName} before${r.status === "CLOSED" ? " and closed" : ""}.` } });
      return;
    }
    ctx.reply({ text: { zh: `已上报${r.toOrgName}：${what.zh}${item.view.kind !== "Suggestion" ? `（${"memberName" in item.view ? item.view.memberName : ""}）` : ""}。上级书记已收到通知，答复后会告诉您支部的书记。`, en: `Raised to ${r.toOrgName}: ${what.en}. Its secretaries were told; your branch's secretaries will hear the answer.` } });
  },
};
