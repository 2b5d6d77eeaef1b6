// Who acts for an organisation in 组织结对: its secretaries and affairs workers, and those of an
// organisation above it (a committee pairs a branch below it on its behalf), for a pairing on
// either side. Accepting a proposal is a secretary's of the partner alone (checked in answer.ts).
import { orgsWhere, type RoleName } from "../../domain/roles.ts";
import type { OrgPairingRow } from "../../store/org-pairings.ts";
import type { BaseContext } from "../context.ts";
import { notAllowed, UserError } from "../errors.ts";

export const PAIRING_ROLES: readonly RoleName[] = ["SECRETARY", "AFFAIRS_WORKER"];

/** The organisations the actor may pair on behalf of: where they hold a pairing role, and every one below those. */
export async function actingOrgs(ctx: BaseContext): Promise<number[]> {
  const out = new Set<number>();
  for (const orgId of orgsWhere(ctx.actor, PAIRING_ROLES)) for (const o of await ctx.store.orgs.orgAndBelow(orgId)) out.add(o);
  return [...out];
}

/** Refuses unless the actor may act for the organisation. */
export async function mustActFor(ctx: BaseContext, orgId: number): Promise<void> {
  if (!(await actingOrgs(ctx)).includes(orgId)) throw notAllowed();
}

/**
 * The organisation a command acts for: without words the actor's first; else one of theirs whose
 * name holds the words, or an organisation below theirs by code or name.
 */
export async function pickOrg(ctx: BaseContext, hint: string): Promise<number> {
  const own = orgsWhere(ctx.actor, PAIRING_ROLES);
  if (!hint) {
    if (own[0] === undefined) throw notAllowed();
    return own[0];
  }
  const named = ctx.actor.grants.find((g) => own.includes(g.orgId) && g.orgName.includes(hint));
  if (named) return named.orgId;
  const found = await ctx.store.orgPairings.findOrg(hint);
  if ("found" in found && (await actingOrgs(ctx)).includes(found.found.id)) return found.found.id;
  throw new UserError("org_not_yours", { zh: `「${hint}」不是您所在或下属的组织，请核对名称或编码。`, en: `"${hint}" is not your organisation or one below it; check the name or code.` });
}

/** The side of the pairing the actor acts for (the one asked for, else the one that set it up first), or a refusal. */
export async function sideOf(ctx: BaseContext, p: Pick<OrgPairingRow, "orgId" | "partnerOrgId">, prefer?: number): Promise<number> {
  const acting = await actingOrgs(ctx);
  const sides = [p.orgId, p.partnerOrgId].filter((o): o is number => o !== null && acting.includes(o));
  const side = prefer !== undefined && sides.includes(prefer) ? prefer : sides[0];
  if (side === undefined) throw notAllowed();
  return side;
}

export const unknownPairing = () => new UserError("unknown_org_pairing", { zh: "找不到该组织结对，请发送「组织结对」刷新。", en: "That pairing does not exist; send 组织结对 to refresh." });
