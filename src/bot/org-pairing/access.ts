// Who acts for an organisation in 组织结对: its secretaries and affairs workers, for a pairing on
// either side of it. Accepting a proposal is a secretary's alone (checked in the action).
import { hasRole, orgsWhere, type RoleName } from "../../domain/roles.ts";
import type { OrgPairingRow } from "../../store/org-pairings.ts";
import type { BaseContext } from "../context.ts";
import { notAllowed, UserError } from "../errors.ts";

export const PAIRING_ROLES: readonly RoleName[] = ["SECRETARY", "AFFAIRS_WORKER"];

/** The organisations the actor may pair on behalf of. */
export const pairingOrgsOf = (ctx: BaseContext): number[] => orgsWhere(ctx.actor, PAIRING_ROLES);

/** The organisation a command acts for: the one named in the text, else the actor's first. */
export function pickOrg(ctx: BaseContext, hint: string): number {
  const orgIds = pairingOrgsOf(ctx);
  const named = hint ? ctx.actor.grants.find((g) => orgIds.includes(g.orgId) && g.orgName.includes(hint)) : undefined;
  const orgId = named?.orgId ?? orgIds[0];
  if (orgId === undefined) throw notAllowed();
  return orgId;
}

/** The side of the pairing the actor acts for (the one that set it up first), or a refusal. */
export function sideOf(ctx: BaseContext, p: Pick<OrgPairingRow, "orgId" | "partnerOrgId">, prefer?: number): number {
  const sides = [p.orgId, p.partnerOrgId].filter((o): o is number => o !== null && hasRole(ctx.actor, PAIRING_ROLES, o));
  const side = prefer !== undefined && sides.includes(prefer) ? prefer : sides[0];
  if (side === undefined) throw notAllowed();
  return side;
}

export const unknownPairing = () => new UserError("unknown_org_pairing", { zh: "找不到该组织结对，请发送「组织结对」刷新。", en: "That pairing does not exist; send 组织结对 to refresh." });
