// 就业帮扶 (seed 2): which members looking for work a posting is for, and the one-card-a-week
// limit on what is pushed to each of them. Pure; the store applies it under a per-person lock.
import { addDays, addMonths, type Day, weekday } from "./calendar-day.ts";
import type { Text } from "./text.ts";
import type { RoleName } from "./roles.ts";

export const JOB_KINDS = ["SKILLED_TRADE", "SERVICE", "LOGISTICS", "CONSTRUCTION", "OFFICE", "AGRICULTURE", "COMMUNITY", "CARE", "OTHER"] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export const JOB_KIND_LABEL: Record<JobKind, Text> = {
  SKILLED_TRADE: { zh: "技术工种", en: "skilled trades" },
  SERVICE: { zh: "商贸服务", en: "retail and services" },
  LOGISTICS: { zh: "物流运输", en: "logistics and driving" },
  CONSTRUCTION: { zh: "建筑施工", en: "construction" },
  OFFICE: { zh: "办公文职", en: "office work" },
  AGRICULTURE: { zh: "农业种养", en: "farming" },
  COMMUNITY: { zh: "社区公益岗位", en: "community posts" },
  CARE: { zh: "家政护理", en: "household and care work" },
  OTHER: { zh: "其他", en: "other" },
};

export const POSTING_TYPES = ["JOB", "POLICY"] as const;
export type PostingType = (typeof POSTING_TYPES)[number];
export const POSTING_TYPE_LABEL: Record<PostingType, Text> = {
  JOB: { zh: "岗位信息", en: "job opening" },
  POLICY: { zh: "政策咨询", en: "policy note" },
};

export const EMPLOYMENT_STATUS_LABEL: Record<"OPEN" | "EMPLOYED" | "CLOSED", Text> = {
  OPEN: { zh: "求职中", en: "looking for work" },
  EMPLOYED: { zh: "已就业", en: "employed" },
  CLOSED: { zh: "已结案", en: "closed" },
};

/** Who posts jobs and policy notes to a branch's job seekers. */
export const POSTING_ROLES: readonly RoleName[] = ["SECRETARY", "AFFAIRS_WORKER"];
/** Who may register a member looking for work on their behalf, and record a check-in. */
export const SEEKER_HELPER_ROLES: readonly RoleName[] = ["LEADER", "SECRETARY", "AFFAIRS_WORKER"];

export interface Seeker {
  kinds: readonly JobKind[];
  area: string | null;
}

export interface Posting {
  type: PostingType;
  kinds: readonly JobKind[];
  area: string | null;
}

/** "广州市 天河区" → ["广州", "天河"]: place names without their 市/区/县/镇/街道 endings, for a loose comparison. */
function places(s: string): string[] {
  return s
    .split(/[\s,，、;；/]+/)
    .map((p) => p.replace(/(?:特别行政区|自治区|自治州|街道|省|市|区|县|镇|乡|村|社区)$/u, "").trim())
    .filter((p) => p.length > 0);
}

/** Either side leaves the area open, or one names a place the other also names (天河 ~ 广州天河区). */
export function areasFit(a: string | null, b: string | null): boolean {
  if (!a?.trim() || !b?.trim()) return true;
  const pa = places(a);
  const pb = places(b);
  if (pa.length === 0 || pb.length === 0) return true;
  return pa.some((x) => pb.some((y) => x.includes(y) || y.includes(x)));
}

/**
 * A policy note is for every member looking for work. A job is for those who wished for one of
 * its kinds (or left their kinds open) in a place that fits.
 */
export function matches(posting: Posting, seeker: Seeker): boolean {
  if (posting.type === "POLICY") return true;
  const kindFits = seeker.kinds.length === 0 || posting.kinds.length === 0 || posting.kinds.some((k) => seeker.kinds.includes(k));
  return kindFits && areasFit(posting.area, seeker.area);
}

/** The week a day belongs to, named by its Monday: pushes are limited to one card per member per week. */
export function weekOf(day: Day): Day {
  return addDays(day, -((weekday(day) + 6) % 7));
}

/**
 * The weekly limit: a member gets a card in `week` only if no card went to them that week.
 * A match that cannot go now is held for their next week's card, never dropped.
 */
export function mayPush(lastCardWeek: Day | null, week: Day): boolean {
  return lastCardWeek === null || lastCardWeek < week;
}

/** A monthly check-in is due when a month has passed since the last one (or since registration). */
export function checkInDue(openedOn: Day, lastCheckInOn: Day | null, today: Day): boolean {
  return addMonths(lastCheckInOn ?? openedOn, 1) <= today;
}
