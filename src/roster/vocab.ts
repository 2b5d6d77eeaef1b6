// The Chinese words a secretary writes in the roster, mapped to the schema's enums.
// Aliases exist because branches name the same role differently (支委 vs 党员领导干部).
import type { HardshipCause, HardshipLevel, OrgKind, PersonTag, Role } from "../generated/prisma/enums.ts";

/** Roles the roster may grant. AID_DELEGATE is named by the secretary in the bot, never by the file. */
export type RosterRole = Exclude<Role, "AID_DELEGATE">;
export const ROSTER_ROLES: readonly RosterRole[] = ["MEMBER", "LEADER", "SECRETARY", "AFFAIRS_WORKER"];

/** The first name of each list is the canonical one, used in messages and the template. */
const ROLE_NAMES: Record<RosterRole, readonly string[]> = {
  MEMBER: ["党员"],
  LEADER: ["党员领导干部", "支委", "支部委员", "领导干部"],
  SECRETARY: ["支部书记", "党支部书记", "书记"],
  AFFAIRS_WORKER: ["党务工作者", "党务干事"],
};

const TAG_NAMES: Record<PersonTag, readonly string[]> = {
  OLD_MEMBER: ["老党员"],
  OLD_CADRE: ["老干部"],
  OLD_MODEL: ["老模范"],
  MOBILE: ["流动党员"],
  VETERAN: ["退役军人", "退伍军人"],
};

const KIND_NAMES: Record<OrgKind, readonly string[]> = {
  COMMITTEE: ["党委", "党工委"],
  GENERAL_BRANCH: ["党总支"],
  BRANCH: ["党支部", "支部"],
};

/** The archive's causes and levels (困难党员档案), as branches write them. */
const CAUSE_NAMES: Record<HardshipCause, readonly string[]> = {
  OLD_AGE: ["年老体弱", "年老", "老弱", "体弱"],
  ILLNESS: ["疾病残疾", "疾病", "残疾", "患病", "因病"],
  UNEMPLOYMENT: ["失业", "下岗", "无业"],
  DISASTER: ["遭受灾害", "灾害", "受灾", "因灾"],
  OTHER: ["其他"],
};

const LEVEL_NAMES: Record<HardshipLevel, readonly string[]> = {
  GENERAL: ["一般困难", "一般"],
  SERIOUS: ["较重困难", "较重", "比较困难"],
  SPECIAL: ["特别困难", "特困", "特别"],
};

function lookup<K extends string>(table: Record<K, readonly string[]>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, names] of Object.entries(table) as [K, readonly string[]][]) for (const n of names) map.set(n, key);
  return map;
}

export const roleByName = lookup(ROLE_NAMES);
export const tagByName = lookup(TAG_NAMES);
export const kindByName = lookup(KIND_NAMES);
export const causeByName = lookup(CAUSE_NAMES);
export const levelByName = lookup(LEVEL_NAMES);

export const kindName = (k: OrgKind): string => KIND_NAMES[k][0]!;

/** For "可填：…" hints in error messages and the docs. */
export const ROLE_HINT = "党员、党员领导干部（或支委）、支部书记、党务工作者";
export const TAG_HINT = "老党员、老干部、老模范、流动党员、退役军人";
export const KIND_HINT = "党委、党总支、党支部";
export const CAUSE_HINT = "年老体弱、疾病残疾、失业、遭受灾害、其他";
export const LEVEL_HINT = "一般困难、较重困难、特别困难";

/** Roles a 联系领导 must hold: the person owes members their talks (谈心谈话). */
export const LEADING_ROLES: ReadonlySet<RosterRole> = new Set(["LEADER", "SECRETARY"]);

/** 党总支 only holds 党支部; a 党支部 holds no organisation. A 党委 may hold any. */
export function canContain(parent: OrgKind, child: OrgKind): boolean {
  if (parent === "BRANCH") return false;
  if (parent === "GENERAL_BRANCH") return child === "BRANCH";
  return true;
}
