// The words the roster import's steps share: what the store already holds (Snapshot, read by
// snapshot.ts), the file's rows (RosterRows), and the Plan that resolve.ts and org-tree.ts make
// and write.ts carries out. Types only, so those steps import them without importing each other.
import type { HardshipCause, HardshipLevel, OrgKind } from "../generated/prisma/enums.ts";
import type { Stores } from "../store/stores.ts";
import type { RosterProblem } from "./problems.ts";
import type { BadRow, OrgRow, PersonRow } from "./rows.ts";

export interface SnapOrg {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly parentCode: string | null;
}

export interface SnapPerson {
  readonly id: number;
  readonly name: string;
  readonly mobile: string | null;
  readonly email: string | null;
  /** Holds 党员领导干部 or 支部书记 in some organisation, so may be someone's 联系领导. */
  readonly leading: boolean;
}

/** What the store holds that the file refers to. All organisations; only the people concerned. */
export interface Snapshot {
  readonly orgs: ReadonlyMap<string, SnapOrg>;
  readonly peopleByMobile: ReadonlyMap<string, SnapPerson>;
  readonly peopleByEmail: ReadonlyMap<string, SnapPerson>;
  readonly peopleByName: ReadonlyMap<string, readonly SnapPerson[]>;
}

/** The state an organisation should have after the import. */
export interface PlannedOrg {
  readonly code: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly parentCode: string | null;
  readonly existing: SnapOrg | undefined;
}

export type LeaderTarget = { readonly line: number } | { readonly personId: number };

/** The history a row brings (history-cells.ts), with the people it names found. */
export interface PlannedHistory {
  readonly talk?: { readonly heldOn: string; readonly leader: LeaderTarget };
  readonly helper?: { readonly target: LeaderTarget; readonly kind: "LEADER" | "MEMBER" };
  readonly department?: string;
  readonly hardship?: { readonly causes: readonly HardshipCause[]; readonly level: HardshipLevel; readonly household: string };
}

export interface PlannedPerson {
  readonly row: PersonRow;
  readonly existing: SnapPerson | undefined;
  /** undefined: no 联系领导 column (keep); null: empty cell (clear). */
  readonly leader: LeaderTarget | null | undefined;
  readonly history: PlannedHistory;
}

export interface Plan {
  /** Parents before children, so ids exist when children are written. */
  readonly orgs: PlannedOrg[];
  readonly people: PlannedPerson[];
  readonly problems: RosterProblem[];
  readonly warnings: RosterProblem[];
  /** 组织 rows that parsed but do not fit the tree (duplicates, unknown parents ...). */
  readonly rejectedOrgRows: number;
}

export interface RosterRows {
  readonly people: readonly PersonRow[];
  readonly badPeople: readonly BadRow[];
  readonly orgs: readonly OrgRow[];
  readonly badOrgs: readonly BadRow[];
  /** Sheet label for 组织 rows in messages: "组织" for the xlsx sheet, undefined for a CSV section. */
  readonly orgSheet: string | undefined;
}

/** Marks a person row bad with the message the secretary reads. */
export type Fail = (line: number, message: string) => void;

/**
 * What the import reads and writes through, bound to its one transaction: the roster's
 * statements and its history and review, organisations by code, whom to tell, the outbox (the
 * review cards) and the audit trail.
 */
export type RosterStore = Pick<Stores, "roster" | "rosterHistory" | "rosterReview" | "orgs" | "orgContacts" | "outbox" | "audit">;
