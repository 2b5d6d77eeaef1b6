// The roles a roster line states for its person in its organisation. Listed roles the person
// lacks are added at once (an ENDED row of the same role is brought back, since rows are never
// deleted); roster roles no longer listed are NOT removed here: they are returned, and the
// import proposes them to the secretary (review.ts), who confirms before anything ends.
// AID_DELEGATE is the secretary's to give and is never touched, nor are roles in other
// organisations. Without a 角色 column only 党员 is ensured.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Role } from "../generated/prisma/enums.ts";
import { dateToDay } from "../domain/calendar-day.ts";
import type { RoleRemoval, ReviewRole } from "../domain/roster-review.ts";
import type { RosterPerson } from "../store/roster.ts";
import type { PlannedPerson, RosterStore } from "./plan.ts";
import type { RosterProblem } from "./problems.ts";
import { ROSTER_ROLES, type RosterRole } from "./vocab.ts";

type Json = Prisma.InputJsonValue | null;
type Changes = Record<string, [Json, Json]>;

const sortRoles = (roles: readonly Role[]) => [...roles].sort((a, b) => ROSTER_ROLES.indexOf(a as RosterRole) - ROSTER_ROLES.indexOf(b as RosterRole));
const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

export interface RolesWritten {
  readonly removals: RoleRemoval[];
  /** Warnings the secretary should read: roles brought back, a deceased person left as they are. */
  readonly notices: RosterProblem[];
}

export async function writeRoles(
  store: RosterStore,
  people: readonly PlannedPerson[],
  ids: { readonly byLine: ReadonlyMap<number, number>; readonly orgByCode: ReadonlyMap<string, number>; readonly current: ReadonlyMap<number, RosterPerson> },
  changesByLine: Map<number, Changes>,
  today: string,
): Promise<RolesWritten> {
  const held = await store.roster.rolesHeld([...ids.byLine.values()], ROSTER_ROLES as readonly Role[]);
  const heldBy = new Map<string, typeof held>();
  for (const m of held) heldBy.set(`${m.personId}:${m.orgId}`, [...(heldBy.get(`${m.personId}:${m.orgId}`) ?? []), m]);

  const add: { personId: number; orgId: number; role: Role; since: Date | null }[] = [];
  const reactivate: number[] = [];
  const removals: RoleRemoval[] = [];
  const notices: RosterProblem[] = [];
  for (const { row } of people) {
    const personId = ids.byLine.get(row.line)!;
    const orgId = ids.orgByCode.get(row.orgCode)!;
    const mine = heldBy.get(`${personId}:${orgId}`) ?? [];
    const standing = mine.filter((m) => m.status !== "ENDED");
    const heldRoles = standing.map((m) => m.role);
    const want: Role[] = row.roles ? [...row.roles] : [...new Set<Role>(["MEMBER", ...heldRoles])];
    const person = ids.current.get(personId);
    if (person?.deceasedOn) {
      // A death recorded in the bot is not undone by a file that still lists the member.
      notices.push({ line: row.line, message: `系统已登记${row.name}于${dateToDay(person.deceasedOn)}去世，未恢复其党员身份：如登记有误，请书记在飞书中撤销该登记` });
      continue;
    }
    const adding = want.filter((r) => !heldRoles.includes(r));
    const removing = standing.filter((m) => !want.includes(m.role));
    if (removing.length > 0) removals.push({ personId, orgId, memberships: removing.map((m) => ({ id: m.id, role: m.role as ReviewRole })) });
    if (adding.length === 0) continue;
    for (const role of adding) {
      const ended = mine.find((m) => m.role === role && m.status === "ENDED");
      if (ended) {
        reactivate.push(ended.id);
        notices.push({ line: row.line, message: `${row.name}此前已于${ended.endedOn ? dateToDay(ended.endedOn) : "?"}移出本组织，本次导入恢复为在册` });
      } else {
        // A new 党员's talk cadence runs from the day they joined the Party when the file gives it
        // (a member who joined three months ago is due in nine, not twelve, months).
        const joined = row.joinedPartyOn ?? (person?.joinedPartyOn ? dateToDay(person.joinedPartyOn) : null);
        add.push({ personId, orgId, role, since: role === "MEMBER" && joined ? dateOf(joined) : null });
      }
    }
    changesByLine.get(row.line)!.roles = [sortRoles(heldRoles), sortRoles([...heldRoles, ...adding])];
  }
  await store.roster.addRoles(add);
  await store.roster.reactivateRoles(reactivate, dateOf(today));
  return { removals, notices };
}
