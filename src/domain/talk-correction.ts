// Correcting a talk record (更正谈话记录): the author may set right what they wrote, for a week
// after writing it, while the talk is fresh in memory; after that, or by anyone else, the record
// stands as written (it is the branch's account of the talk). The earlier text is kept (a
// TalkRevision), and what the audit says is which fields changed, never what the notes say.
import type { Text } from "./text.ts";

export const CORRECTION_DAYS = 7;
const WEEK_MS = CORRECTION_DAYS * 24 * 60 * 60 * 1000;

/** The fields a correction may change; follow-ups have their own life (done, reminded) and stay. */
export const CORRECTABLE_FIELDS = ["heldOn", "form", "thinking", "work", "life", "concerns", "concernAreas"] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const FIELD_LABEL: Record<CorrectableField, Text> = {
  heldOn: { zh: "谈话日期", en: "date" },
  form: { zh: "谈话方式", en: "form" },
  thinking: { zh: "思想方面", en: "thinking" },
  work: { zh: "工作方面", en: "work" },
  life: { zh: "生活方面", en: "life" },
  concerns: { zh: "问题和诉求", en: "concerns" },
  concernAreas: { zh: "问题涉及方面", en: "concern areas" },
};

export type TalkFields = {
  heldOn: string;
  form: string;
  thinking: string | null;
  work: string | null;
  life: string | null;
  concerns: string | null;
  concernAreas: readonly string[];
};

/** The last instant a record written at `createdAt` may be corrected. */
export const correctableUntil = (createdAt: Date): Date => new Date(createdAt.getTime() + WEEK_MS);

/**
 * Why `actorId` may not correct this record now, or null when they may. `recordedAt` is the
 * record's time as people read it (the caller formats it in the configured zone).
 */
export function correctionRefusal(t: { leaderId: number; leaderName: string; imported: boolean; createdAt: Date; recordedAt: string }, actorId: number, now: Date): Text | null {
  if (t.imported) {
    return { zh: "这是名册导入的历史谈话（只有日期和谈话人），不能在此更正；如有误，请联系党务工作者在名册中改正后重新导入。", en: "This talk came with the roster import; correct it in the roster and import again." };
  }
  if (t.leaderId !== actorId) {
    return { zh: `谈话记录只能由谈话人本人更正，这条记录由${t.leaderName}记录。如内容有误，请联系${t.leaderName}。`, en: `Only the author of a talk record may correct it; this one is ${t.leaderName}'s.` };
  }
  if (now.getTime() > correctableUntil(t.createdAt).getTime()) {
    return {
      zh: `谈话记录只能在记录后 ${CORRECTION_DAYS} 天内更正：这条记录于 ${t.recordedAt} 记录，已超过 ${CORRECTION_DAYS} 天，原记录保持不变。如需补充，请在下次谈话时记录。`,
      en: `A talk record can be corrected within ${CORRECTION_DAYS} days of writing it; this one was written at ${t.recordedAt}.`,
    };
  }
  return null;
}

/** The names of the fields that differ: what the audit records (never the notes themselves). */
export function changedFields(before: TalkFields, after: TalkFields): CorrectableField[] {
  const norm = (v: string | null) => (v ?? "").trim();
  const areas = (a: readonly string[]) => [...new Set(a)].sort().join(",");
  return CORRECTABLE_FIELDS.filter((f) => (f === "concernAreas" ? areas(before.concernAreas) !== areas(after.concernAreas) : norm(before[f]) !== norm(after[f])));
}
