// Form fields every area's zod schemas share, so one submit reports every field to fix at once
// (the router joins the issues: "请填写以下内容：困难类别；情况说明（至少 10 个字）"). Messages
// for a missing field read "请填写X。" or "请选择X。": the router lists those names together.
// Amounts and reasons are checked by the domain's own rules, so the words are the rules' words.
import { z } from "zod";
import { checkReason, REASON_MIN } from "../domain/aid-rules.ts";
import { parseYuan } from "../domain/money.ts";

/** A text the person must fill in (trimmed), at most `max` characters. */
export const requiredText = (label: string, max: number) =>
  z.string({ error: `请填写${label}。` }).superRefine((raw, ctx) => {
    const s = raw.trim();
    if (s === "") ctx.addIssue({ code: "custom", message: `请填写${label}。` });
    else if (s.length > max) ctx.addIssue({ code: "custom", message: `${label}不能超过 ${max} 字（现有 ${s.length} 字）。` });
  });

/** A reason a decider weighs (情况说明, 申请理由): required, and real content (describesNeed). */
export const reasonText = (label: string, max: number) => {
  const missing = `请填写${label}（至少 ${REASON_MIN} 个字）。`;
  return z.string({ error: missing }).superRefine((raw, ctx) => {
    const s = raw.trim();
    if (s === "") return ctx.addIssue({ code: "custom", message: missing });
    if (s.length > max) return ctx.addIssue({ code: "custom", message: `${label}不能超过 ${max} 字（现有 ${s.length} 字）。` });
    const thin = checkReason(s, { zh: label, en: label });
    if (thin) ctx.addIssue({ code: "custom", message: thin.zh });
  });
};

/** An amount in yuan the person may leave empty; when given it must read as one. */
export const optionalYuan = (label: string) =>
  z
    .string({ error: `${label}格式不正确，请重新填写。` })
    .optional()
    .superRefine((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return;
      const p = parseYuan(raw, { zh: label, en: label });
      if (!p.ok) ctx.addIssue({ code: "custom", message: p.problem.zh });
    });

/** A date picker the person must set. */
export const requiredDay = (label: string) => z.string({ error: `请选择${label}。` }).refine((s) => s.trim() !== "", `请选择${label}。`);
