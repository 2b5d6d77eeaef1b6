// proposeRemovals (src/domain/roster-review.ts): what a re-import proposes to the secretary,
// as a pure rule over what the store holds and what the file lists.
import { describe, expect, it } from "vitest";
import { itemText, proposeRemovals, type HeldMembership, type Listed } from "../../src/domain/roster-review.ts";

const B1 = 1; // a 党支部 the file covers
const B2 = 2; // another 党支部 the file covers
const B3 = 3; // a 党支部 the file does not cover
const C = 9; // a 党委 the file does not cover

const held = (id: number, personId: number, orgId: number, role: HeldMembership["role"]): HeldMembership => ({
  id,
  personId,
  name: `P${personId}`,
  mobile: null,
  orgId,
  orgIsBranch: orgId !== C,
  role,
});
const listedIn = (orgIds: number[], branch: number | null): Listed => ({ orgIds: new Set(orgIds), memberOfBranch: branch ? { id: branch, name: `支部${branch}` } : null });

const propose = (h: HeldMembership[], listed: [number, Listed][], roleRemovals = [] as Parameters<typeof proposeRemovals>[0]["roleRemovals"]) =>
  proposeRemovals({ covered: new Set([B1, B2]), held: h, listed: new Map(listed), roleRemovals, names: new Map([[5, { name: "P5", mobile: null }]]) });

describe("proposeRemovals", () => {
  it("proposes everyone a covered organisation holds and the file does not list, with all their roles", () => {
    const out = propose([held(1, 1, B1, "MEMBER"), held(2, 1, B1, "AID_DELEGATE"), held(3, 2, B1, "MEMBER")], [[2, listedIn([B1], B1)]]);
    expect([...out.entries()]).toEqual([[B1, [{ kind: "missing", personId: 1, name: "P1", mobile: null, roles: ["MEMBER", "AID_DELEGATE"], membershipIds: [1, 2], toOrgId: null, toOrgName: null }]]]);
  });

  it("calls a member now listed in another branch moved, in a covered branch or not", () => {
    const out = propose([held(1, 1, B1, "MEMBER"), held(2, 2, B3, "MEMBER"), held(3, 2, B3, "LEADER")], [
      [1, listedIn([B2], B2)],
      [2, listedIn([B2], B2)],
    ]);
    expect(out.get(B1)!.map((i) => [i.kind, i.toOrgId])).toEqual([["moved", B2]]);
    expect(out.get(B3)!.map((i) => [i.kind, i.roles, i.toOrgName])).toEqual([["moved", ["MEMBER", "LEADER"], "支部2"]]);
  });

  it("leaves alone organisations the file does not cover, and roles beside a branch membership", () => {
    // A leader of the 党委 listed as a member of a branch keeps the 党委 role.
    const out = propose([held(1, 1, C, "LEADER"), held(2, 3, B3, "MEMBER")], [[1, listedIn([B1], B1)]]);
    expect(out.size).toBe(0);
  });

  it("adds the roles the file no longer gives, by organisation", () => {
    const out = propose([held(1, 5, B1, "MEMBER")], [[5, listedIn([B1], B1)]], [{ personId: 5, orgId: B1, memberships: [{ id: 7, role: "SECRETARY" }] }]);
    expect(out.get(B1)!.map((i) => [i.kind, i.name, i.roles, i.membershipIds])).toEqual([["roles", "P5", ["SECRETARY"], [7]]]);
    expect(itemText(out.get(B1)![0]!).zh).toBe("P5：名册不再列出其「支部书记」角色，将取消该角色");
  });
});
