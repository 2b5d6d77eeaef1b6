// The shape the roster commands about one member share ("去世 张三 2026-11-30 备注"): read the
// words, find the member in the sender's branches, check the change, answer the confirmation
// card. Nothing is written until 确认.
import { parseMemberDay, type ChangeKind } from "../../domain/membership-change.ts";
import { problem } from "../../domain/problem.ts";
import type { Text } from "../../domain/text.ts";
import { todayOf, type Command } from "../context.ts";
import { must } from "../errors.ts";
import { checkChange, confirmCardOf } from "./plan.ts";
import { subjectNamed } from "./subject.ts";

export function memberDayCommand(d: { name: string; aliases: readonly string[]; kind: ChangeKind; summary: Text; example: string; note?: (word: string, note: string | null) => string | null }): Command {
  const usage = problem("usage", `请这样写：${d.name} <党员姓名> [生效日期] [备注]，例如「${d.example}」。不写日期即为今天；同名党员写 姓名#手机尾号。`, `Usage: ${d.name} <member> [date] [note], e.g. "${d.example}". Without a date, today.`);
  return {
    name: d.name,
    aliases: d.aliases,
    summary: d.summary,
    roles: ["SECRETARY"],
    // Roster changes are the secretary's: a member is pointed to them by name.
    instead: { ask: "SECRETARY" },
    privateOnly: true,
    async run(ctx) {
      const words = must(parseMemberDay(ctx.args, usage));
      const subject = await subjectNamed(ctx, words.who, d.name);
      const said = ctx.inbound.kind === "message" ? ctx.inbound.text : ctx.inbound.kind === "menu" ? ctx.inbound.eventKey : "";
      const word = [d.name, ...d.aliases].find((w) => said.trim().startsWith(w)) ?? d.name;
      const plan = await checkChange(ctx, {
        kind: d.kind,
        personId: subject.id,
        orgId: subject.orgId,
        day: words.day ?? todayOf(ctx),
        otherOrgId: null,
        otherOrgName: null,
        note: d.note ? d.note(word, words.note) : words.note,
        newPerson: null,
      });
      ctx.reply({ card: confirmCardOf(plan) });
    },
  };
}
