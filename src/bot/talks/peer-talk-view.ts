// What the talks between members (党员之间相互谈心) share across handlers: the form for a branch
// (with the other member chosen when named), and the audit of reading such talks' notes. A
// talk between two members is about both: a reading writes a line about each of the two who is
// not the reader, so each sees it in 谁看过我的档案.
import { peerTalkFormCard } from "../../../cards/peer-talk.ts";
import type { Card } from "../../../cards/kit.ts";
import { earliestPeerTalkDay, PEER_TALK_NOTES_MAX } from "../../domain/peer-talk.ts";
import type { PeerTalkRow } from "../../store/peer-talks.ts";
import { todayOf, type BaseContext } from "../context.ts";
import { UserError } from "../errors.ts";

/** How many members the form's list holds; others are named (互相谈心 张三). */
const LIST_LIMIT = 100;

export async function peerTalkForm(ctx: BaseContext, org: { id: number; name: string }, chosen?: { id: number; name: string }): Promise<Card> {
  const today = todayOf(ctx);
  const { peers, more } = await ctx.store.peerTalks.peersInBranch({ orgId: org.id, exceptId: ctx.actor.personId, limit: LIST_LIMIT });
  if (peers.length === 0) throw new UserError("no_peers", { zh: `${org.name}暂无其他在册党员。`, en: `${org.name} has no other active members.` });
  // A member named beyond the list's end is still the one chosen.
  const list = chosen && !peers.some((p) => p.id === chosen.id) ? [chosen, ...peers] : peers;
  return peerTalkFormCard({ orgId: org.id, orgName: org.name, peers: list, more, ...(chosen ? { peerId: chosen.id } : {}), today, earliest: earliestPeerTalkDay(today), notesMax: PEER_TALK_NOTES_MAX });
}

/** "张三" or "张三 1234" → the one active member so named in these branches, never the sender. */
export async function peerNamed(ctx: BaseContext, orgIds: number[], args: string): Promise<{ id: number; name: string; orgId: number }> {
  const [name, tail] = args.split(/\s+/).filter(Boolean);
  if (!name) throw new UserError("name_missing", { zh: "请写明对方姓名，例如「互相谈心 张三」。", en: 'Name the member, e.g. "互相谈心 张三".' });
  const found = (await ctx.store.peerTalks.activeMembersNamed({ orgIds, name })).filter((p) => p.id !== ctx.actor.personId && (!tail || p.mobileTail === tail));
  const distinct = [...new Map(found.map((p) => [p.id, p])).values()];
  if (distinct.length === 0) {
    throw new UserError("peer_not_found", {
      zh: `在您所在支部找不到在册党员「${name}」${tail ? `（手机尾号 ${tail}）` : ""}，请核对姓名，或发送「互相谈心」从名单中选择。`,
      en: `No active member called "${name}" in your branch; check the name, or send 互相谈心 to choose from the list.`,
    });
  }
  if (distinct.length > 1) {
    const tails = distinct.map((p) => p.mobileTail ?? "?").join("、");
    throw new UserError("peer_ambiguous", {
      zh: `有 ${distinct.length} 位党员名为「${name}」，请加上手机尾号，例如「互相谈心 ${name} ${distinct[0]?.mobileTail ?? "0000"}」（尾号：${tails}）。`,
      en: `${distinct.length} members are called "${name}"; add the last 4 digits of the mobile (${tails}).`,
    });
  }
  const p = distinct[0]!;
  return { id: p.id, name: p.name, orgId: p.orgId };
}

/** One line per talk shown with its notes, about each of its two members who is not the reader. */
export async function auditPeerTalkViews(ctx: BaseContext, talks: readonly PeerTalkRow[]): Promise<void> {
  for (const x of talks) {
    if (x.notes === null) continue;
    for (const person of [x.recordedById, x.peerId]) {
      if (person === ctx.actor.personId) continue;
      await ctx.audit({ action: "peer.talk.view", subjectType: "PeerTalk", subjectId: x.id, orgId: x.orgId, subjectPersonId: person, changes: { recordedById: x.recordedById, peerId: x.peerId } });
    }
  }
}
