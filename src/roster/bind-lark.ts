// Binds imported people to their Lark accounts: whoever has no open_id yet is looked up by
// mobile, then by e-mail, with contact/v3 users/batch_get_id, and the open_id is stored.
// Runs after the import's transaction, so a slow or failing Lark never holds database locks
// and never undoes the roster; the report says what could not be bound.
import type { Client } from "@larksuiteoapi/node-sdk";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { inTransaction, storesFor } from "../store/stores.ts";
import { parseMobile } from "./cells.ts";
import { AUDIT_ACTION, type Actor } from "./write.ts";

/** All the binding needs of the SDK client, so a test may hand in anything that answers it. */
export type LarkContact = { contact: { user: { batchGetId: Client["contact"]["user"]["batchGetId"] } } };

/** Lark takes at most 50 mobiles and 50 e-mails per batch_get_id call. */
const LARK_BATCH = 50;

export interface BindTarget {
  readonly id: number;
  readonly line: number;
  readonly name: string;
}

export interface BoundPerson extends BindTarget {
  readonly openId: string;
  readonly by: "mobile" | "email";
}

export interface UnboundPerson extends BindTarget {
  readonly mobile: string | null;
  readonly email: string | null;
  /** Why: Lark knows no such user, or the account is already bound to someone else here. */
  readonly reason: "not_found" | "taken";
  readonly takenBy?: { id: number; name: string };
}

export interface LarkBinding {
  readonly bound: BoundPerson[];
  readonly unbound: UnboundPerson[];
  /** Set when a call to Lark failed; people not yet looked up are then left out of both lists. */
  readonly error?: string;
}

export async function bindLark(opts: {
  prisma: PrismaClient;
  lark: LarkContact;
  targets: readonly BindTarget[];
  actor: Actor;
}): Promise<LarkBinding> {
  const { prisma, lark, actor } = opts;
  // Outside any transaction: each binding below commits on its own (with its audit line).
  const store = storesFor(prisma);
  const byId = new Map(opts.targets.map((t) => [t.id, t]));
  const people = await store.roster.unboundAmong([...byId.keys()]);
  const bound: BoundPerson[] = [];
  const unbound: UnboundPerson[] = [];
  const found = new Map<number, { openId: string; by: "mobile" | "email" }>();
  try {
    const byMobile = await lookup(lark, "mobiles", people.flatMap((p) => (p.mobile ? [p.mobile] : [])));
    for (const p of people) {
      const openId = p.mobile ? byMobile.get(p.mobile) : undefined;
      if (openId) found.set(p.id, { openId, by: "mobile" });
    }
    // E-mail only for those the mobile did not find: one account per person is enough.
    const rest = people.filter((p) => !found.has(p.id) && p.email);
    const byEmail = await lookup(lark, "emails", rest.map((p) => p.email!.toLowerCase()));
    for (const p of rest) {
      const openId = byEmail.get(p.email!.toLowerCase());
      if (openId) found.set(p.id, { openId, by: "email" });
    }
  } catch (err) {
    return { bound, unbound, error: describe(err) };
  }

  for (const p of people) {
    const t = byId.get(p.id)!;
    const hit = found.get(p.id);
    if (!hit) {
      unbound.push({ ...t, name: p.name, mobile: p.mobile, email: p.email, reason: "not_found" });
      continue;
    }
    // open_id is unique: someone else here may hold it already (two rows, one Lark user).
    const holder = await store.people.holderOfOpenId(hit.openId);
    if (holder && holder.id !== p.id) {
      unbound.push({ ...t, name: p.name, mobile: p.mobile, email: p.email, reason: "taken", takenBy: holder });
      continue;
    }
    await inTransaction(prisma, async (atOnce) => {
      await atOnce.roster.setOpenId(p.id, hit.openId);
      await atOnce.audit.audit({ actorId: actor.id, actorOpenId: actor.openId, action: AUDIT_ACTION, subjectType: "Person", subjectId: p.id, subjectPersonId: p.id, changes: { larkOpenId: [null, hit.openId] } });
    });
    bound.push({ ...t, name: p.name, openId: hit.openId, by: hit.by });
  }
  return { bound, unbound };
}

/** Maps each mobile (or lower-cased e-mail) Lark knows to its open_id. */
async function lookup(lark: LarkContact, kind: "mobiles" | "emails", values: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += LARK_BATCH) {
    const batch = unique.slice(i, i + LARK_BATCH);
    const res = await lark.contact.user.batchGetId({ params: { user_id_type: "open_id" }, data: { [kind]: batch } });
    if (res.code !== undefined && res.code !== 0) throw new Error(`batch_get_id: code ${res.code} ${res.msg ?? ""}`.trim());
    for (const u of res.data?.user_list ?? []) {
      // Unknown users come back without user_id. Lark may echo a mobile with its +86 prefix.
      if (!u.user_id) continue;
      const key = kind === "mobiles" ? normalizeMobile(u.mobile) : u.email?.toLowerCase();
      if (key) out.set(key, u.user_id);
    }
  }
  return out;
}

function normalizeMobile(m: string | undefined): string | undefined {
  if (!m) return undefined;
  const r = parseMobile(m);
  return r.ok ? r.value : m;
}

/** The SDK throws axios errors whose response body holds Lark's code and msg. */
function describe(err: unknown): string {
  const data = (err as { response?: { data?: { code?: number; msg?: string } } })?.response?.data;
  if (data?.code !== undefined) return `code ${data.code} ${data.msg ?? ""}`.trim();
  return err instanceof Error ? err.message : String(err);
}
