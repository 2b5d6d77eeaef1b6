// The employment strand of the story (就业帮扶), from chat: members register 求职登记 through its
// form, the affairs worker posts jobs (岗位发布), and a member reports the job they found from a
// pushed job card. The weekly job card and the leader's monthly check-in are scheduled pushes
// the year's checks hold to working days and daytime.
import type { Person } from "./cast.ts";
import { textOf } from "./mailbox.ts";
import { buttonValues, type World } from "./world.ts";

export async function seekWork(w: World, member: Person, form: { skills: string; kinds: string[]; area: string }): Promise<void> {
  await w.act(`${member.name} 求职登记`, async () => {
    const card = await w.say(member, "求职登记");
    const [submit] = buttonValues(card.content, "job-seek-submit");
    if (!submit) throw new Error(`${member.name}: the 求职登记 answer has no form (${textOf(card.content).slice(0, 200)})`);
    await w.click(member, card.message_id, submit, form);
  });
}

export async function postJob(w: World, poster: Person, form: { type: "JOB" | "POLICY"; title: string; kinds?: string[]; details: string; employer?: string; area?: string; pay?: string }): Promise<void> {
  await w.act(`${poster.name} 岗位发布 ${form.title}`, async () => {
    const card = await w.say(poster, "岗位发布");
    const [submit] = buttonValues(card.content, "job-post-submit");
    if (!submit) throw new Error(`${poster.name}: the 岗位发布 answer has no form (${textOf(card.content).slice(0, 200)})`);
    await w.click(poster, card.message_id, submit, form);
  });
}

/** 我已找到工作 on the newest job card the member was pushed. */
export async function reportJobFound(w: World, member: Person, where: string): Promise<void> {
  await w.act(`${member.name} 报告已就业`, async () => {
    const card = [...w.mail.all].reverse().find((d) => d.msg.recipient_open_id === member.openId && buttonValues(w.mail.current(d.msg.message_id).content, "job-found").length > 0);
    if (!card) throw new Error(`${member.name} has no job card with 我已找到工作`);
    const [found] = buttonValues(w.mail.current(card.msg.message_id).content, "job-found");
    await w.click(member, card.msg.message_id, found!, { note: where });
  });
}
