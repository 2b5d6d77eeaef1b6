// The aid steps of the story, as people take them in Lark: the affairs worker books the year's
// money from the 资金 card, a member asks through the 求助 form, the secretary decides in the
// approval card the bot sent them.
import type { FundSource } from "../../src/domain/aid-rules.ts";
import type { Person } from "./cast.ts";
import { textOf } from "./mailbox.ts";
import { buttonValues, type World } from "./world.ts";

/** 资金 → 登记收入, once per line. */
export async function bookIncome(w: World, who: Person, orgId: number, lines: { source: FundSource; yuan: number; payer: string }[]): Promise<void> {
  await w.act(`${who.name} 登记收入`, async () => {
    const card = await w.say(who, "资金");
    for (const l of lines) {
      const [income] = buttonValues(w.mail.current(card.message_id).content, "fund-income").filter((v) => Number(v.o) === orgId);
      if (!income) throw new Error(`${who.name}: the 资金 card has no income form for branch ${orgId}`);
      await w.click(who, card.message_id, income, { source: l.source, amount: String(l.yuan), payer: l.payer, note: `${w.today.slice(0, 4)} 年度拨付` });
    }
  });
}

/** 求助 → the form → 提交; returns the request's number from the receipt. */
export async function askForAid(w: World, member: Person, form: { category: string; description: string; amount: string; urgency: "NORMAL" | "URGENT" }): Promise<string> {
  return w.act(`${member.name} 求助`, async () => {
    const card = await w.say(member, "求助");
    const [submit] = buttonValues(card.content, "aid-submit");
    if (!submit) throw new Error(`${member.name}: the 求助 answer has no form (${textOf(card.content).slice(0, 200)})`);
    const r = await w.click(member, card.message_id, submit, form);
    const number = /帮扶申请已提交 · (\d{4}-\d{4,})/.exec(textOf(r.card))?.[1];
    if (!number) throw new Error(`${member.name}: no receipt for the aid request (${textOf(r.card).slice(0, 300)})`);
    return number;
  });
}

/** The approval card for the request that reached the secretary. */
function approvalCard(w: World, secretary: Person, number: string) {
  const found = w.mail.all.find((d) => d.msg.recipient_open_id === secretary.openId && textOf(d.msg.content).includes(`帮扶申请审批 · ${number}`));
  if (!found) throw new Error(`${secretary.name} never received the approval card for ${number}`);
  return found.msg;
}

export async function decideAid(w: World, secretary: Person, number: string, decision: { approve: { yuan: number; source: FundSource; note: string } } | { reject: string }): Promise<void> {
  await w.act(`${secretary.name} 审批 ${number}`, async () => {
    const card = approvalCard(w, secretary, number);
    const current = w.mail.current(card.message_id).content;
    if ("approve" in decision) {
      const [approve] = buttonValues(current, "aid-approve");
      if (!approve) throw new Error(`no approve button for ${number}`);
      await w.click(secretary, card.message_id, approve, { amount: String(decision.approve.yuan), source: decision.approve.source, note: decision.approve.note });
    } else {
      const [reject] = buttonValues(current, "aid-reject");
      if (!reject) throw new Error(`no reject button for ${number}`);
      await w.click(secretary, card.message_id, reject, { amount: "", source: "PARTY_FEE", note: decision.reject });
    }
  });
}

/** 冲正 on the approved request's card (the one the secretary decided on), then the reason in the form. */
export async function reverseAid(w: World, secretary: Person, number: string, reason: string): Promise<string> {
  return w.act(`${secretary.name} 冲正 ${number}`, async () => {
    const card = approvalCard(w, secretary, number);
    const [open] = buttonValues(w.mail.current(card.message_id).content, "aid-reverse-open");
    if (!open) throw new Error(`no 冲正 button on the approved card of ${number}: ${textOf(w.mail.current(card.message_id).content).slice(0, 300)}`);
    const form = await w.click(secretary, card.message_id, open);
    const [reverse] = buttonValues(form.card, "fund-reverse");
    if (!reverse) throw new Error(`no 确认冲正 button on the reversal form of ${number}`);
    const done = await w.click(secretary, card.message_id, reverse, { reason });
    return textOf(done.toast);
  });
}
