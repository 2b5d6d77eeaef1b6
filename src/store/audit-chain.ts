// Verifying the audit's hash chains (npm run audit:verify). Each organisation's lines form one
// chain (chain = orgId, 0 for lines of no organisation) numbered 1, 2, 3 … by the BEFORE INSERT
// trigger, each line's hash the digest of the line before's hash and its own fields
// (audit_line_digest, the privacy_by_design migration). The digest is recomputed here with that
// same SQL function, so the format has one definition. Read on the pool, a batch at a time: a
// committee's audit runs to millions of lines.
import type { Rows } from "./rows.ts";

export type AuditProblem =
  /** Lines seq from..to are missing between two lines that are there (deleted). */
  | { kind: "gap"; chain: number; from: number; to: number }
  /** The line's fields or hash are not what was chained (changed behind the trigger's back). */
  | { kind: "changed"; chain: number; seq: number; id: number }
  /** The chain's head does not name its last line: lines removed from the end, or the head rewritten. */
  | { kind: "head"; chain: number; headSeq: number | null; lastSeq: number | null }
  /** Lines with no place in any chain (written while the trigger was disabled). */
  | { kind: "unchained"; ids: number[] };

export interface ChainReport {
  chains: number;
  lines: number;
  problems: AuditProblem[];
}

interface LineCheck {
  id: number;
  seq: number;
  hash: string;
  expected: string;
}

/**
 * Walks every chain in `batch`-line steps and returns what does not hold. A line right after a
 * gap is not reported as changed too: the line it was chained to is gone, so its digest cannot
 * be recomputed, and the gap already names the break.
 */
export async function verifyChains(rows: Rows, opts: { batch?: number } = {}): Promise<ChainReport> {
  const batch = opts.batch ?? 5000;
  const problems: AuditProblem[] = [];
  const chains = await rows<{ chain: number; headSeq: number | null; headHash: string | null }>(
    `SELECT c."chain", h."seq" AS "headSeq", h."hash" AS "headHash"
     FROM (SELECT "chain" FROM "AuditChainHead" UNION SELECT DISTINCT "chain" FROM "AuditLog" WHERE "seq" IS NOT NULL) c
     LEFT JOIN "AuditChainHead" h ON h."chain" = c."chain"
     ORDER BY c."chain"`,
    [],
  );
  let lines = 0;
  for (const c of chains) {
    let lastSeq = 0;
    let lastHash = "";
    for (;;) {
      // The stored hash of the line before is the chain's link; the first line of a batch links
      // to the last line of the one before (the empty string before line 1).
      const page = await rows<LineCheck>(
        `SELECT l."id", l."seq", l."hash",
                audit_line_digest(coalesce(lag(l."hash") OVER (ORDER BY l."seq"), $3), l) AS "expected"
         FROM "AuditLog" l WHERE l."chain" = $1 AND l."seq" > $2
         ORDER BY l."seq" LIMIT $4`,
        [c.chain, lastSeq, lastHash, batch],
      );
      for (const l of page) {
        if (l.seq !== lastSeq + 1) problems.push({ kind: "gap", chain: c.chain, from: lastSeq + 1, to: l.seq - 1 });
        else if (l.hash !== l.expected) problems.push({ kind: "changed", chain: c.chain, seq: l.seq, id: l.id });
        lastSeq = l.seq;
        lastHash = l.hash;
      }
      lines += page.length;
      if (page.length < batch) break;
    }
    // The head names the chain's last line: a lower or higher number, or another hash, means
    // lines were removed from the end or the head itself was rewritten.
    const headWrong = c.headSeq === null ? lastSeq > 0 : c.headSeq !== lastSeq || (lastSeq > 0 && c.headHash !== lastHash);
    if (headWrong) problems.push({ kind: "head", chain: c.chain, headSeq: c.headSeq, lastSeq: lastSeq === 0 ? null : lastSeq });
  }
  const loose = await rows<{ id: number }>(`SELECT "id" FROM "AuditLog" WHERE "seq" IS NULL OR "hash" IS NULL ORDER BY "id" LIMIT 1000`, []);
  if (loose.length > 0) problems.push({ kind: "unchained", ids: loose.map((l) => l.id) });
  return { chains: chains.length, lines, problems };
}
