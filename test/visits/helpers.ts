// Shared by the visit tests: people with the facts the visit rules read, card buttons, and
// waiting until the bot has delivered everything it staged.
import type { Harness } from "../support/harness.ts";
import { eventually, startHarness } from "../support/harness.ts";
import { seedPerson, type SeededPerson } from "../support/seed.ts";
import type { RoleName } from "../../src/domain/roles.ts";
import type { SentMessage } from "../../src/double/index.ts";

/**
 * The harness on a moved clock, with the Lark double on the same clock: the bot refuses events
 * whose signed timestamp is more than 5 minutes from its own time, as it must with real Lark.
 */
export async function startVisitHarness(clockStart: Date): Promise<Harness> {
  const holder: { h?: Harness } = {};
  const offset = clockStart.getTime() - Date.now();
  const h = await startHarness({
    clockStart,
    env: { SEND_RATE_TARGET_PER_SEC: "200", SEND_RATE_APP_PER_SEC: "500" },
    double: {
      now: () => (holder.h ? holder.h.clock.now().getTime() : Date.now() + offset),
      quotas: { perTargetPerSec: 200, appPerSec: 500, appPerMin: 50_000, perMessagePatchPerSec: 50 },
    },
  });
  holder.h = h;
  return h;
}

type Tag = "OLD_MEMBER" | "OLD_CADRE" | "OLD_MODEL" | "MOBILE" | "VETERAN";

export async function person(
  h: Harness,
  p: { name: string; orgId: number; roles?: RoleName[]; tags?: Tag[]; birth?: string; joined?: string; leaderId?: number; whereabouts?: string; noLark?: boolean },
): Promise<SeededPerson> {
  const s = await seedPerson(h.db.prisma, h.double, { name: p.name, orgId: p.orgId, roles: p.roles ?? [], ...(p.tags ? { tags: p.tags } : {}) });
  await h.db.prisma.person.update({
    where: { id: s.id },
    data: {
      ...(p.birth ? { birthDate: new Date(`${p.birth}T00:00:00Z`) } : {}),
      ...(p.joined ? { joinedPartyOn: new Date(`${p.joined}T00:00:00Z`) } : {}),
      ...(p.leaderId ? { responsibleLeaderId: p.leaderId } : {}),
      ...(p.whereabouts ? { whereabouts: p.whereabouts } : {}),
      ...(p.noLark ? { larkOpenId: null } : {}),
    },
  });
  return s;
}

export const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

/** 09:00 in Shanghai on that day. */
export const morning = (ymd: string) => new Date(`${ymd}T01:00:00Z`);

/** Every button value in a card, in order. */
export function buttons(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== "object") return;
    const o = n as Record<string, unknown>;
    if (o.tag === "button" && Array.isArray(o.behaviors)) {
      const v = (o.behaviors[0] as { value?: Record<string, unknown> } | undefined)?.value;
      if (v) out.push(v);
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

export const text = (m: { content: unknown }) => JSON.stringify(m.content);
export const titleOf = (m: SentMessage) => ((m.content as { header?: { title?: { content?: string } } }).header?.title?.content ?? "");

/** Waits until every staged message has been delivered (or given up on). */
export async function settle(h: Harness): Promise<void> {
  await eventually(async () => (await h.db.prisma.outboxMessage.count({ where: { status: "PENDING" } })) === 0, 15_000);
}

export function cardsTo(h: Harness, openId: string, title: string): SentMessage[] {
  return h.double.messages({ to: openId }).filter((m) => m.msg_type === "interactive" && titleOf(m).includes(title));
}

/** Says a command and returns the bot's reply. */
export async function command(h: Harness, from: string, textIn: string): Promise<SentMessage> {
  const said = await h.double.say({ from, text: textIn });
  return h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
}
