// Who is visited at a festival. The rules compile to Criteria (cut-off dates and switches) so
// that the planner can apply them to 100,000 members in one SQL statement; reasonsFor is the
// same rule for one member, used by tests to check the SQL and by anyone reasoning about a case.
import type { FestivalDef } from "./festivals.ts";
import { minusYears } from "./calendar-day.ts";
import type { VisitSettings } from "./visit-settings.ts";

const VISIT_REASONS = ["OLD_MEMBER", "OLD_CADRE", "OLD_MODEL", "HARDSHIP", "ELDERLY", "VETERAN"] as const;
export type VisitReason = (typeof VISIT_REASONS)[number];

const REASON_LABEL: Record<VisitReason, { zh: string; en: string }> = {
  OLD_MEMBER: { zh: "老党员", en: "veteran Party member" },
  OLD_CADRE: { zh: "老干部", en: "retired cadre" },
  OLD_MODEL: { zh: "老模范", en: "former model worker" },
  HARDSHIP: { zh: "困难党员", en: "member in hardship" },
  ELDERLY: { zh: "高龄", en: "elderly" },
  VETERAN: { zh: "退役军人", en: "military veteran" },
};

export interface Criteria {
  /** 老党员/老干部/老模范 by tag, 老党员 by standing or age, hardship: the CORE audience. */
  core: boolean;
  /** Joined the Party on or before this day: 老党员 by standing. */
  oldMemberJoinedBy: string | null;
  /** Born on or before this day: 老党员 by age. */
  oldMemberBornBy: string | null;
  hardship: boolean;
  /** Born on or before this day: elderly (重阳). */
  elderlyBornBy: string | null;
  veteran: boolean;
}

/** The rules of one festival on its day (ages and standing are counted on the festival day). */
export function criteriaFor(def: Pick<FestivalDef, "audience">, festivalDay: string, s: VisitSettings): Criteria {
  const core = def.audience.includes("CORE");
  return {
    core,
    oldMemberJoinedBy: core && s.oldMember.minPartyYears !== null ? minusYears(festivalDay, s.oldMember.minPartyYears) : null,
    oldMemberBornBy: core && s.oldMember.minAge !== null ? minusYears(festivalDay, s.oldMember.minAge) : null,
    hardship: core && s.hardship,
    elderlyBornBy: def.audience.includes("ELDERLY") ? minusYears(festivalDay, s.elderlyMinAge) : null,
    veteran: def.audience.includes("VETERAN"),
  };
}

export interface MemberFacts {
  tags: readonly string[];
  birthDate: string | null;
  joinedPartyOn: string | null;
  hardshipActive: boolean;
}

/** Why a member is visited under these criteria; empty when they are not. */
export function reasonsFor(m: MemberFacts, c: Criteria): VisitReason[] {
  const out: VisitReason[] = [];
  const onOrBefore = (d: string | null, cut: string | null) => d !== null && cut !== null && d <= cut;
  if (c.core && (m.tags.includes("OLD_MEMBER") || onOrBefore(m.joinedPartyOn, c.oldMemberJoinedBy) || onOrBefore(m.birthDate, c.oldMemberBornBy))) out.push("OLD_MEMBER");
  if (c.core && m.tags.includes("OLD_CADRE")) out.push("OLD_CADRE");
  if (c.core && m.tags.includes("OLD_MODEL")) out.push("OLD_MODEL");
  if (c.hardship && m.hardshipActive) out.push("HARDSHIP");
  if (onOrBefore(m.birthDate, c.elderlyBornBy)) out.push("ELDERLY");
  if (c.veteran && m.tags.includes("VETERAN")) out.push("VETERAN");
  return out;
}

/** "OLD_MEMBER,HARDSHIP" (as stored on a task) -> "老党员、困难党员". */
export function reasonText(stored: string | null): { zh: string; en: string } {
  const codes = (stored ?? "").split(",").filter((c): c is VisitReason => (VISIT_REASONS as readonly string[]).includes(c));
  return { zh: codes.map((c) => REASON_LABEL[c].zh).join("、"), en: codes.map((c) => REASON_LABEL[c].en).join(", ") };
}
