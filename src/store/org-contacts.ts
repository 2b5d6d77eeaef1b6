// Whom to tell in an organisation: its secretaries, and for escalations the secretaries of the
// nearest organisation above it that has one (党支部 → 党总支 → 党委). A secretary whose
// membership ended or is suspended, or who died, is nobody's contact (standing.ts).
import type { Rows } from "./rows.ts";
import { activeMembership, alive } from "./standing.ts";

export interface Contact {
  orgId: number;
  orgName: string;
  personId: number;
  name: string;
  openId: string | null;
}

export async function secretariesOf(rows: Rows, orgIds: number[]): Promise<Contact[]> {
  if (orgIds.length === 0) return [];
  return rows<Contact>(
    `SELECT ms."orgId", o."name" AS "orgName", p."id" AS "personId", p."name", p."larkOpenId" AS "openId"
     FROM "Membership" ms JOIN "Person" p ON p."id" = ms."personId" JOIN "Organization" o ON o."id" = ms."orgId"
     WHERE ms."role" = 'SECRETARY' AND ms."orgId" = ANY($1::int[]) AND ${activeMembership("ms")} AND ${alive("p")}
     ORDER BY ms."orgId", p."id"`,
    [orgIds],
  );
}

/** The secretaries of the closest ancestor of `orgId` that has any; empty at the top of the tree. */
export async function upperSecretaries(rows: Rows, orgId: number): Promise<Contact[]> {
  return rows<Contact>(
    `WITH RECURSIVE up AS (
       SELECT o."parentId" AS id, 1 AS depth FROM "Organization" o WHERE o."id" = $1
       UNION ALL
       SELECT o."parentId", up.depth + 1 FROM up JOIN "Organization" o ON o."id" = up.id WHERE up.depth < 20
     ), ranked AS (
       SELECT ms."orgId", o."name" AS "orgName", p."id" AS "personId", p."name", p."larkOpenId" AS "openId",
              dense_rank() OVER (ORDER BY up.depth) AS r
       FROM up JOIN "Membership" ms ON ms."orgId" = up.id AND ms."role" = 'SECRETARY' AND ${activeMembership("ms")}
       JOIN "Person" p ON p."id" = ms."personId" AND ${alive("p")} JOIN "Organization" o ON o."id" = up.id
     )
     SELECT "orgId", "orgName", "personId", "name", "openId" FROM ranked WHERE r = 1 ORDER BY "personId"`,
    [orgId],
  );
}

/**
 * Whom to tell for each organisation: its secretaries on Lark, else those of the nearest
 * organisation above it that has any (a branch without a secretary is not left unheard).
 * Organisations with nobody up the tree are absent from the map.
 */
export async function secretariesOrAbove(rows: Rows, orgIds: number[]): Promise<Map<number, Contact[]>> {
  const out = new Map<number, Contact[]>();
  for (const s of await secretariesOf(rows, orgIds)) {
    if (!s.openId) continue;
    out.set(s.orgId, [...(out.get(s.orgId) ?? []), s]);
  }
  for (const orgId of orgIds) {
    if (out.has(orgId)) continue;
    const upper = (await upperSecretaries(rows, orgId)).filter((s) => s.openId);
    if (upper.length > 0) out.set(orgId, upper);
  }
  return out;
}

/**
 * Names of the given organisations, by id, over Rows: the sweeps read on the pool and never
 * start Prisma's query engine, which would add some 50 MB to a sweep's peak memory.
 */
export async function orgNamesOn(rows: Rows, orgIds: number[]): Promise<Map<number, string>> {
  if (orgIds.length === 0) return new Map();
  const found = await rows<{ id: number; name: string }>(`SELECT "id", "name" FROM "Organization" WHERE "id" = ANY($1::int[])`, [orgIds]);
  return new Map(found.map((o) => [o.id, o.name]));
}
