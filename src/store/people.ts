// Person lookups every care area needs: a name for a card, a Lark open_id to send to. One
// function each, so the same `select` is not written again in every handler.
import type { Lang } from "../domain/text.ts";
import type { Role } from "../generated/prisma/enums.ts";
import type { Tx } from "./tx.ts";

export interface PersonContact {
  id: number;
  name: string;
  /** Null while the roster entry is not bound to a Lark user. */
  openId: string | null;
}

/** The person's name, or null when there is no such person. */
export async function personName(tx: Tx, personId: number): Promise<string | null> {
  const p = await tx.person.findUnique({ where: { id: personId }, select: { name: true } });
  return p?.name ?? null;
}

/** Names by id of the given people; nulls and unknown ids are skipped. */
export async function personNames(tx: Tx, ids: readonly (number | null | undefined)[]): Promise<Map<number, string>> {
  const want = [...new Set(ids.filter((x): x is number => typeof x === "number"))];
  if (want.length === 0) return new Map();
  const rows = await tx.person.findMany({ where: { id: { in: want } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Name and open_id of one person, or null when there is no such person. */
export async function personContact(tx: Tx, personId: number): Promise<PersonContact | null> {
  const p = await tx.person.findUnique({ where: { id: personId }, select: { id: true, name: true, larkOpenId: true } });
  return p ? { id: p.id, name: p.name, openId: p.larkOpenId } : null;
}

/** Name and open_id of the given people, by id; unknown ids are absent. */
export async function personContacts(tx: Tx, ids: readonly number[]): Promise<Map<number, PersonContact>> {
  const want = [...new Set(ids)];
  if (want.length === 0) return new Map();
  const rows = await tx.person.findMany({ where: { id: { in: want } }, select: { id: true, name: true, larkOpenId: true } });
  return new Map(rows.map((p) => [p.id, { id: p.id, name: p.name, openId: p.larkOpenId }]));
}

/** The roles each of the given Lark users holds, with the organisation's name; users the roster does not know are absent. */
export async function rolesByOpenId(tx: Tx, openIds: readonly string[]): Promise<Map<string, { role: Role; orgName: string }[]>> {
  const people = await tx.person.findMany({
    where: { larkOpenId: { in: [...openIds] } },
    select: { larkOpenId: true, memberships: { select: { role: true, org: { select: { name: true } } } } },
  });
  return new Map(people.map((p) => [p.larkOpenId!, p.memberships.map((m) => ({ role: m.role, orgName: m.org.name }))]));
}

/** Who here is bound to this Lark account (open_id is unique), or null. */
export async function holderOfOpenId(tx: Tx, openId: string): Promise<{ id: number; name: string } | null> {
  return tx.person.findUnique({ where: { larkOpenId: openId }, select: { id: true, name: true } });
}

/**
 * Records that the person has been welcomed, once: true only for the call that set it, so two
 * deliveries of the same "chat opened" event cannot both send the welcome card.
 */
export async function markWelcomed(tx: Tx, personId: number, at: Date): Promise<boolean> {
  const updated = await tx.person.updateMany({ where: { id: personId, welcomedAt: null }, data: { welcomedAt: at } });
  return updated.count > 0;
}

/**
 * Sets the language the person reads the bot in; returns the one they had, so the caller can
 * tell a switch from a repeat. Messages still waiting in the outbox follow the new one, since
 * delivery reads it.
 */
export async function setLanguage(tx: Tx, personId: number, language: Lang): Promise<Lang> {
  const before = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { language: true } });
  if (before.language !== language) await tx.person.update({ where: { id: personId }, data: { language } });
  return before.language;
}
