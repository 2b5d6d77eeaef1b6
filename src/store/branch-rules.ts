// The care rules of each organisation (src/domain/care-settings.ts reads them from
// Organization.settings), with its place in the tree, for the sweeps and the handlers.
import { readRules, type CareRules } from "../domain/care-settings.ts";
import { viaTx, type Rows } from "./rows.ts";
import type { Tx } from "./tx.ts";

export interface BranchRules extends CareRules {
  orgId: number;
  parentId: number | null;
  kind: "COMMITTEE" | "GENERAL_BRANCH" | "BRANCH";
}

/**
 * Rules of every organisation (or of the given ones), by id. Set-based: the sweeps read them on
 * the pool (viaSql) and never start Prisma's query engine; handlers on their transaction.
 */
export async function loadBranchRules(
  db: Rows | Tx,
  opts: { orgIds?: number[]; onProblem?: (orgId: number, problems: string[]) => void } = {},
): Promise<Map<number, BranchRules>> {
  const rows = typeof db === "function" ? db : viaTx(db);
  const orgs = await rows<{ id: number; parentId: number | null; kind: BranchRules["kind"]; settings: unknown }>(
    `SELECT "id", "parentId", "kind"::text AS "kind", "settings" FROM "Organization" WHERE $1::int[] IS NULL OR "id" = ANY($1::int[]) ORDER BY "id"`,
    [opts.orgIds ?? null],
  );
  const out = new Map<number, BranchRules>();
  for (const o of orgs) {
    const { problems, ...rules } = readRules(o.settings);
    if (problems.length > 0) opts.onProblem?.(o.id, problems);
    out.set(o.id, { orgId: o.id, parentId: o.parentId, kind: o.kind, ...rules });
  }
  return out;
}
