// The forms of 就业帮扶 checked: a registration (skills and wishes) and a posting (a job needs a
// kind; a policy note is for everyone looking). Pure.
import { checkText, DESCRIPTION_MAX, NOTE_MAX } from "./aid-rules.ts";
import { JOB_KINDS, type JobKind, type PostingType } from "./job-match.ts";
import type { Parsed } from "./problem.ts";
import { checkChoices } from "./work-input.ts";

const optional = (raw: unknown, what: { zh: string; en: string }, max: number): Parsed<string | null> => {
  const r = checkText(raw, what, { required: false, max });
  return r.ok ? { ok: true, value: r.value || null } : r;
};

export function checkWishes(form: { skills?: unknown; kinds?: unknown; area?: unknown; wishes?: unknown }): Parsed<{ skills: string; kinds: JobKind[]; area: string | null; wishes: string | null }> {
  const skills = checkText(form.skills, { zh: "技能特长", en: "skills" }, { required: true, max: NOTE_MAX });
  if (!skills.ok) return skills;
  const kinds = checkChoices(form.kinds, JOB_KINDS, { zh: "意向岗位类别", en: "kind of work" }, { min: 0 });
  if (!kinds.ok) return kinds;
  const area = optional(form.area, { zh: "意向工作地点", en: "place" }, 50);
  if (!area.ok) return area;
  const wishes = optional(form.wishes, { zh: "其他意愿", en: "other wishes" }, NOTE_MAX);
  if (!wishes.ok) return wishes;
  return { ok: true, value: { skills: skills.value, kinds: kinds.value, area: area.value, wishes: wishes.value } };
}

export interface PostingInput {
  type: PostingType;
  title: string;
  employer: string | null;
  kinds: JobKind[];
  area: string | null;
  pay: string | null;
  contact: string | null;
  details: string;
}

export function checkPosting(form: { type: PostingType; title?: unknown; employer?: unknown; kinds?: unknown; area?: unknown; pay?: unknown; contact?: unknown; details?: unknown }): Parsed<PostingInput> {
  const title = checkText(form.title, { zh: "标题", en: "title" }, { required: true, max: 100 });
  if (!title.ok) return title;
  const kinds = checkChoices(form.kinds, JOB_KINDS, { zh: "岗位类别", en: "kind of work" }, { min: form.type === "JOB" ? 1 : 0 });
  if (!kinds.ok) return kinds;
  const fields: Record<"employer" | "area" | "pay" | "contact", { zh: string; en: string }> = {
    employer: { zh: "用人单位", en: "employer" },
    area: { zh: "工作地点", en: "place" },
    pay: { zh: "待遇", en: "pay" },
    contact: { zh: "联系方式", en: "contact" },
  };
  const out: Record<string, string | null> = {};
  for (const k of ["employer", "area", "pay", "contact"] as const) {
    const r = optional(form[k], fields[k], 100);
    if (!r.ok) return r;
    out[k] = r.value;
  }
  const details = checkText(form.details, { zh: "详细说明", en: "details" }, { required: true, max: DESCRIPTION_MAX });
  if (!details.ok) return details;
  return { ok: true, value: { type: form.type, title: title.value, kinds: kinds.value, details: details.value, employer: out.employer ?? null, area: out.area ?? null, pay: out.pay ?? null, contact: out.contact ?? null } };
}
