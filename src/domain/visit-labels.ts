// How a visit task is named on cards and in reports: "中秋走访（2027）" with its reasons, or
// "六必访·生病住院" with what the leader reported; how a paired or mobile member is described.
import { HELPER_KIND_LABEL, type HelperKind } from "./pairing.ts";
import { EVENT_KINDS, EVENT_LABEL, type EventKind } from "./visit-events.ts";
import { reasonText } from "./visit-eligibility.ts";
import type { Text } from "./text.ts";
import { festivalName, type VisitSettings } from "./visit-settings.ts";

export interface TaskNaming {
  festival: string | null;
  year: number | null;
  eventKind: string | null;
  reason: string | null;
}

export function eventLabel(kind: string | null): Text {
  return (EVENT_KINDS as readonly string[]).includes(kind ?? "") ? EVENT_LABEL[kind as EventKind] : EVENT_LABEL.OTHER;
}

export function taskWhat(t: TaskNaming, s?: VisitSettings): Text {
  if (t.festival) {
    const f = festivalName(t.festival, s);
    return { zh: `${f.zh}走访（${t.year}）`, en: `${f.en} visit (${t.year})` };
  }
  const e = eventLabel(t.eventKind);
  return { zh: `六必访·${e.zh}`, en: `event visit: ${e.en}` };
}

/** Festival tasks store reason codes; event tasks store the leader's words. */
export function taskReason(t: TaskNaming): Text {
  if (t.festival) return reasonText(t.reason);
  const r = t.reason ?? "";
  return { zh: r, en: r };
}

export const HOW_LABEL: Record<string, Text> = {
  HOME: { zh: "上门走访", en: "home visit" },
  PHONE: { zh: "电话慰问", en: "phone call" },
  VIDEO: { zh: "视频慰问", en: "video call" },
  MESSAGE: { zh: "微信/短信", en: "message" },
};

/** A paired member on the list and reminder cards: the kind of pairing, with the department for a department link. */
export function pairingDetail(helperKind: HelperKind, departmentName: string | null): Text {
  const kind = HELPER_KIND_LABEL[helperKind];
  return departmentName ? { zh: `${kind.zh}（${departmentName}）`, en: `${kind.en} (${departmentName})` } : kind;
}

/** A mobile member on the list and reminder cards: where they are, as far as the branch knows. */
export function mobileDetail(whereabouts: string | null): Text {
  const where = whereabouts ?? "去向未登记";
  return { zh: `流动党员 · ${where}`, en: `mobile member · ${where}` };
}
