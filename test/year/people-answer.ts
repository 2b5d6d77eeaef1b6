// What people do with the cards the bot pushes to them, as conscientious staff would, through
// the cards' own buttons: a leader records a talk with every member their digest or an urgent
// card lists; a visitor records every visit of a festival digest (春节 money from the fund), of
// an overdue reminder or of a condolence visit to a deceased member's family; a helper logs the
// month's contacts; a leader checks in on a member looking for work; a secretary keeps a
// hardship entry under review and gives a member nobody is responsible for a leader. Anything
// else is read and left. What they did is counted in `w.doings`.
import type { Person } from "./cast.ts";
import { keyOf, textOf, type Delivered } from "./mailbox.ts";
import { buttonValues, type World } from "./world.ts";

/** Answers every message delivered since the last call, and what those answers bring, until none is left. */
export async function answerMail(w: World): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const fresh = w.mail.unread();
    if (fresh.length === 0) return;
    for (const d of fresh) {
      try {
        await answer(w, d);
      } catch (err) {
        throw new Error(`${w.today}: answering ${keyOf(d)}: ${String(err)}`, { cause: err });
      }
    }
  }
  throw new Error(`answering mail on ${w.today} does not settle`);
}

async function answer(w: World, d: Delivered): Promise<void> {
  const key = keyOf(d);
  const who = d.msg.recipient_open_id ? w.byOpenId.get(d.msg.recipient_open_id) : undefined;
  if (!who) return;
  if (key.startsWith("talk-digest-")) return w.act(`${who.name} 记录谈心（提醒）`, () => recordTalks(w, who, d.msg.message_id));
  if (/^talk-urgent-(reminder-)?\d+$/.test(key)) return w.act(`${who.name} 记录紧急谈心`, () => recordUrgentTalk(w, who, d.msg.message_id));
  if (key.startsWith("visit-digest-") || key.startsWith("visit-overdue-") || key.startsWith("roster-condolence-")) return w.act(`${who.name} 记录走访`, () => recordVisits(w, who, d.msg.message_id));
  if (key.startsWith("visit-contact-")) return w.act(`${who.name} 记录联系`, () => logContacts(w, who, d.msg.message_id));
  if (key.startsWith("hardship-review-") && !key.startsWith("hardship-review-escalate-")) return w.act(`${who.name} 复核困难档案`, () => keepUnderReview(w, who, d.msg.message_id));
  if (key.startsWith("employment-checkin-")) return w.act(`${who.name} 求职回访`, () => checkIn(w, who, d.msg.message_id));
  if (key.startsWith("talk-escalation-")) return w.act(`${who.name} 分配谈心联系人`, () => assignUnassigned(w, who, d.msg.message_id));
}

const talkForm = (w: World) => ({ heldOn: w.pickedToday, form: "IN_PERSON", thinking: "思想稳定，积极参加组织生活", life: "家庭和睦，生活正常" });

/** Every member listed on the digest, one form after another, each answered by the board brought up to date. */
async function recordTalks(w: World, leader: Person, messageId: string): Promise<void> {
  const done = new Set<number>();
  let card = w.mail.current(messageId).content;
  for (;;) {
    const next = buttonValues(card, "talk-form").find((v) => !done.has(Number(v.m)));
    if (!next) return;
    done.add(Number(next.m));
    const opened = await w.click(leader, messageId, next);
    const [save] = buttonValues(opened.card, "talk-record");
    if (!save) throw new Error(`${leader.name}: no save button on the talk form (${w.today})`);
    card = (await w.click(leader, messageId, save, talkForm(w))).card;
    if (next.k !== undefined) w.doings.urgentTalks++;
    else w.doings.talks++;
  }
}

async function recordUrgentTalk(w: World, leader: Person, messageId: string): Promise<void> {
  const [open] = buttonValues(w.mail.current(messageId).content, "talk-form");
  if (!open) return; // already recorded from the digest: the card says so
  const opened = await w.click(leader, messageId, open).catch((err: unknown) => {
    if (String(err).includes("已经完成")) return null;
    throw err;
  });
  if (!opened) return;
  const [save] = buttonValues(opened.card, "talk-record");
  if (!save) throw new Error(`${leader.name}: no save button on the urgent talk form (${w.today})`);
  await w.click(leader, messageId, save, talkForm(w));
  w.doings.urgentTalks++;
}

/**
 * Every visit a card offers: a festival digest through its list (春节 visits bring money from a
 * fund source that holds enough, the others goods), a condolence or overdue card through its
 * own buttons.
 */
async function recordVisits(w: World, visitor: Person, messageId: string): Promise<void> {
  const done = new Set<number>();
  const original = w.mail.current(messageId).content;
  const springFestival = textOf(original).includes("春节");
  const condolence = textOf(original).includes("家属");
  const [list] = buttonValues(original, "visit-list");
  for (;;) {
    const card = list ? (await w.click(visitor, messageId, list)).card : original;
    const next = buttonValues(card, "visit-open").find((v) => !done.has(Number(v.task)));
    if (!next) return;
    done.add(Number(next.task));
    const form = await w.click(visitor, messageId, next);
    const [submit] = buttonValues(form.card, "visit-complete");
    if (!submit) continue; // recorded already: the list shows it done
    const source = springFestival ? sourceHolding(form.card, 300) : undefined;
    await w.click(visitor, messageId, submit, {
      visitedOn: w.pickedToday,
      how: "HOME",
      goods: condolence ? "花篮" : springFestival ? "米面油各一份" : "月饼两盒",
      notes: condolence ? "慰问家属，转达组织哀悼" : "身体尚可，感谢组织关心",
      ...(source ? { amount: "300", source } : {}),
    });
    w.doings.visits++;
  }
}

async function logContacts(w: World, helper: Person, messageId: string): Promise<void> {
  for (const open of buttonValues(w.mail.current(messageId).content, "visit-contact-open")) {
    const form = await w.click(helper, messageId, open);
    const [save] = buttonValues(form.card, "visit-contact-save");
    if (!save) throw new Error(`${helper.name}: no save button on the contact form (${w.today})`);
    await w.click(helper, messageId, save, { at: w.pickedToday, how: "PHONE", note: "电话联系，近况良好" });
    w.doings.contacts++;
  }
}

async function checkIn(w: World, leader: Person, messageId: string): Promise<void> {
  const [still] = buttonValues(w.mail.current(messageId).content, "job-check-in");
  if (!still) return;
  await w.click(leader, messageId, still, { note: "电话回访，仍在求职，已转告新岗位信息" });
  w.doings.checkIns++;
}

async function keepUnderReview(w: World, secretary: Person, messageId: string): Promise<void> {
  const keep = buttonValues(w.mail.current(messageId).content, "hardship-review").find((v) => v.d === "keep");
  if (!keep) return;
  await w.click(secretary, messageId, keep, { notes: "困难仍在，继续帮扶" });
  w.doings.reviews++;
}

/** Members nobody is responsible for go to the secretary themself, from the assignment card. */
async function assignUnassigned(w: World, secretary: Person, messageId: string): Promise<void> {
  const [open] = buttonValues(w.mail.current(messageId).content, "talk-assign-open");
  if (!open) return;
  const clickedAt = w.h.clock.now().getTime();
  await w.click(secretary, messageId, open);
  const card = await w.h.double.waitForMessage({ to: secretary.openId, since: clickedAt, where: (m) => buttonValues(m.content, "talk-assign").length > 0 }, 15_000);
  const members = selectOptions(card.content, "member").filter((o) => o.text.includes("未分配")).map((o) => o.value);
  const leaders = selectOptions(card.content, "leader").map((o) => o.value);
  const me = leaders.find((l) => Number(l) === secretary.id) ?? leaders[0];
  const [assign] = buttonValues(card.content, "talk-assign");
  if (!assign || !me) throw new Error(`${secretary.name}: the assignment card has no leader to choose (${w.today})`);
  for (const member of members) {
    await w.click(secretary, card.message_id, assign, { member, leader: me });
    w.doings.assignments++;
  }
}

/** The first fund source the visit form offers with at least `yuan` left (its option reads "党费补助（余额 600.00 元）"). */
function sourceHolding(card: unknown, yuan: number): string | undefined {
  const left = (text: string) => Number(/余额 ([\d,.]+) 元/.exec(text)?.[1]?.replace(/,/g, "") ?? 0);
  return selectOptions(card, "source").find((o) => left(o.text) >= yuan)?.value;
}

/** The options of the select named `name` in a card: each value with its text (as JSON, both languages). */
function selectOptions(card: unknown, name: string): { value: string; text: string }[] {
  const out: { value: string; text: string }[] = [];
  const walk = (x: unknown) => {
    if (typeof x !== "object" || x === null) return;
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as Record<string, unknown>;
    if (o.tag === "select_static" && o.name === name && Array.isArray(o.options)) for (const opt of o.options as { value: string; text?: unknown }[]) out.push({ value: opt.value, text: JSON.stringify(opt.text) });
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}
