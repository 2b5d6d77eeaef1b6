// Organisation lookups every care area needs (a card's branch name, a branch's group chat). One
// function each, so the same `select` is not written again in every view.
import type { OrgKind } from "../generated/prisma/enums.ts";
import type { Tx } from "./tx.ts";

/** The organisation's name, or null when there is no such organisation. */
export async function orgName(tx: Tx, orgId: number): Promise<string | null> {
  const org = await tx.organization.findUnique({ where: { id: orgId }, select: { name: true } });
  return org?.name ?? null;
}

/** Names of the given organisations by id (unknown ids are simply absent). */
export async function orgNames(tx: Tx, orgIds: readonly number[]): Promise<Map<number, string>> {
  const want = [...new Set(orgIds)];
  if (want.length === 0) return new Map();
  const rows = await tx.organization.findMany({ where: { id: { in: want } }, select: { id: true, name: true } });
  return new Map(rows.map((o) => [o.id, o.name]));
}

/** Codes of the given organisations by id (reports name their files and sections by code). */
export async function orgCodes(tx: Tx, orgIds: readonly number[]): Promise<Map<number, string>> {
  const want = [...new Set(orgIds)];
  if (want.length === 0) return new Map();
  const rows = await tx.organization.findMany({ where: { id: { in: want } }, select: { id: true, code: true } });
  return new Map(rows.map((o) => [o.id, o.code]));
}

/** The organisation's name and its Lark group chat (null when none is set), or null when there is no such organisation. */
export async function orgChat(tx: Tx, orgId: number): Promise<{ name: string; groupChatId: string | null } | null> {
  return tx.organization.findUnique({ where: { id: orgId }, select: { name: true, groupChatId: true } });
}

export interface BranchHead {
  id: number;
  name: string;
  code: string;
}

/** Of the given organisations, the 党支部 (kind BRANCH), in id order. */
export async function branchesAmong(tx: Tx, orgIds: readonly number[]): Promise<BranchHead[]> {
  return tx.organization.findMany({ where: { id: { in: [...orgIds] }, kind: "BRANCH" }, select: { id: true, name: true, code: true }, orderBy: { id: "asc" } });
}

export interface OrgByCode {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  /** Organization.settings as stored; read through the zod schemas in src/domain/. */
  settings: unknown;
}

/** The organisation with this code (the roster's and the scripts' key), or null. */
export async function orgByCode(tx: Tx, code: string): Promise<OrgByCode | null> {
  return tx.organization.findUnique({ where: { code }, select: { id: true, code: true, name: true, kind: true, parentId: true, settings: true } });
}

/** The organisation and every organisation below it, at any depth (a report over a 党委 covers its branches). */
export async function orgAndBelow(tx: Tx, orgId: number): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE t AS (SELECT "id" FROM "Organization" WHERE "id" = ${orgId} UNION ALL SELECT o."id" FROM "Organization" o JOIN t ON o."parentId" = t."id")
    SELECT "id" FROM t`;
  return rows.map((r) => r.id);
}
