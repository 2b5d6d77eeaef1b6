// What 谁看过我的档案 and 查阅记录 share: a page of the audit lines about one member, in words,
// and who may read a member's (a secretary, for the members of their organisation and of every
// organisation below it).
import { auditMineCard, auditOfMemberCard, type AuditFilter, type AuditLineView, type AuditOfMember, type AuditPage, type PageCursor } from "../../../cards/audit-lines.ts";
import type { Card } from "../../../cards/kit.ts";
import { actionsOfKind, actorLabel, auditWords, changedFields, type Whose } from "../../domain/audit-words.ts";
import { orgsWhere } from "../../domain/roles.ts";
import { dayIn, localDateTime } from "../../domain/zoned-time.ts";
import { auditLinesWorkbook } from "../../export/audit-lines.ts";
import type { AuditLineRead } from "../../store/audit-reading.ts";
import type { BaseContext } from "../context.ts";
import { UserError } from "../errors.ts";

/** The first page covers the last 90 days; the button for earlier goes back without a bound. */
export const AUDIT_WINDOW_DAYS = 90;
const PAGE = 15;
const DAY_MS = 86_400_000;
/** The spreadsheet's bytes are dropped after a week: by then it is in the chat. */
const EXPORT_KEEP_DAYS = 7;

/** A line in words; an action without words (the unit test keeps that from happening) still never shows its code. */
export function lineView(l: AuditLineRead, whose: Whose, timezone: string, subjectId?: number): AuditLineView {
  // On a secretary's list, the member's own doing reads "张三（本人）提交了自己的求助".
  const self = !whose.you && l.actor !== null && l.actor.id === subjectId;
  const as: Whose = self && !whose.you ? { ...whose, self: true } : whose;
  const w = auditWords({ action: l.action, fields: changedFields(l.changes), ref: l.ref }, as);
  const what = w?.what ?? (whose.you ? { zh: "处理了您的记录", en: "handled your records" } : { zh: `处理了${whose.name}的记录`, en: `handled ${whose.name}'s records` });
  const actor = l.actor ? { ...l.actor, self } : null;
  return { when: localDateTime(l.at, timezone), who: actorLabel(actor, l.orgId, w?.system ?? { zh: "自动处理", en: "automatic" }), what };
}

interface PageQuery {
  personId: number;
  whose: Whose;
  /** Leave out this person's own lines. */
  notBy?: number;
  filter: AuditFilter;
  /** Absent: the first page (the last 90 days). */
  cursor?: PageCursor | undefined;
}

/**
 * One page, newest first: at most 16 lines read with no lower bound, the first page showing those
 * of the window. The line read beyond what is shown says whether anything older exists, so the
 * button for earlier shows exactly when there is more.
 */
export async function auditPage(ctx: BaseContext, q: PageQuery): Promise<AuditPage & { raw: AuditLineRead[] }> {
  const since = q.cursor ? null : new Date(ctx.clock.now().getTime() - AUDIT_WINDOW_DAYS * DAY_MS);
  const rows = await ctx.store.auditReading.linesAbout({
    personId: q.personId,
    since: null,
    before: q.cursor ? { at: new Date(q.cursor.t), id: q.cursor.c } : null,
    limit: PAGE + 1,
    ...(q.notBy !== undefined ? { notBy: q.notBy } : {}),
    ...(q.filter !== "all" ? { actions: actionsOfKind(q.filter) } : {}),
  });
  const shown = rows.filter((r) => !since || r.at >= since).slice(0, PAGE);
  const last = shown.at(-1);
  // Nothing shown yet older lines exist: the next page starts at the window's edge (ids are positive).
  const more = rows.length > shown.length ? (last ? { c: last.id, t: last.at.getTime() } : { c: 0, t: since!.getTime() }) : null;
  return { lines: shown.map((l) => lineView(l, q.whose, ctx.config.timezone, q.personId)), windowDays: q.cursor ? null : AUDIT_WINDOW_DAYS, more, raw: shown };
}

/** 谁看过我的档案, a page of it: what others did with the reader's own records. */
export async function myAuditCard(ctx: BaseContext, cursor?: PageCursor): Promise<Card> {
  const me = ctx.actor.personId;
  const page = await auditPage(ctx, { personId: me, whose: { you: true }, notBy: me, filter: "all", cursor });
  // Reading one's own list is logged as such: it is nobody else's record, so it never lists itself.
  await ctx.audit({ action: "audit.view_own", subjectType: "Person", subjectId: me, orgId: ctx.actor.grants[0]?.orgId ?? null, subjectPersonId: me, changes: { lines: page.raw.length, earlier: cursor !== undefined } });
  return auditMineCard(page);
}

/** The organisations whose members' audit the actor may read: where they are secretary, and every one below. */
export async function readableOrgs(ctx: BaseContext): Promise<number[]> {
  const out = new Set<number>();
  for (const orgId of orgsWhere(ctx.actor, ["SECRETARY"])) for (const id of await ctx.store.orgs.orgAndBelow(orgId)) out.add(id);
  return [...out];
}

export interface ReadableMember {
  id: number;
  name: string;
  orgId: number;
  branch: string;
}

/** The member by id, if the actor may read their audit (a card's button, checked again at every click). */
export async function readableMember(ctx: BaseContext, personId: number): Promise<ReadableMember | null> {
  const m = await ctx.store.auditReading.memberIn(personId, await readableOrgs(ctx));
  return m ? { ...m, branch: (await ctx.store.orgs.orgName(m.orgId)) ?? "" } : null;
}

/** 查阅记录 张三 [尾号]: the one member so named among those the actor may read. */
export async function memberNamed(ctx: BaseContext, name: string, tail: string | undefined, command: string): Promise<ReadableMember> {
  const found = (await ctx.store.aidPeople.membersNamed(name, await readableOrgs(ctx))).filter((p) => !tail || p.mobileTail === tail);
  const distinct = [...new Map(found.map((p) => [p.id, p])).values()];
  if (distinct.length === 0) {
    throw new UserError("member_not_found", {
      zh: `在您负责的党组织中找不到党员「${name}」${tail ? `（手机尾号 ${tail}）` : ""}，请核对姓名。`,
      en: `No member called "${name}" in the organisations you are secretary of.`,
    });
  }
  if (distinct.length > 1) {
    throw new UserError("member_ambiguous", {
      zh: `有 ${distinct.length} 位党员名为「${name}」，请加上手机尾号，例如「${command} ${name} ${distinct[0]?.mobileTail ?? "0000"}」。`,
      en: `${distinct.length} members are called "${name}"; add the last 4 digits of the mobile.`,
    });
  }
  const p = distinct[0]!;
  return { id: p.id, name: p.name, orgId: p.orgId, branch: (await ctx.store.orgs.orgName(p.orgId)) ?? "" };
}

/**
 * The secretary's card for one member, a page of it; the reading itself is audited about the
 * member (audit.read), so the member sees that their records were looked up.
 */
export async function memberAuditCard(ctx: BaseContext, m: ReadableMember, filter: AuditFilter, cursor?: PageCursor, exported?: AuditOfMember["exported"]): Promise<Card> {
  const page = await auditPage(ctx, { personId: m.id, whose: { you: false, name: m.name }, filter, cursor });
  // The export's own line (audit.export) already says the records were looked up.
  if (!exported) await ctx.audit({ action: "audit.read", subjectType: "Person", subjectId: m.id, orgId: m.orgId, subjectPersonId: m.id, changes: { filter, lines: page.raw.length, earlier: cursor !== undefined } });
  return auditOfMemberCard({ ...page, memberId: m.id, member: m.name, branch: m.branch, filter, exported: exported ?? null });
}

/** Enough for years of one member's lines; the spreadsheet holds them all, the card a page. */
const EXPORT_MAX = 5000;
const FILTER_WORD: Record<AuditFilter, string> = { all: "全部", view: "查看", change: "修改" };

/**
 * Every line about the member (of the filter's kind) as a spreadsheet, sent to the secretary as
 * a file in this chat (the ExportFile delivery, src/jobs/delivery-worker.ts); audited about the
 * member. Returns the card with a line saying the file is on its way.
 */
export async function exportMemberAudit(ctx: BaseContext, m: ReadableMember, filter: AuditFilter): Promise<Card> {
  const now = ctx.clock.now();
  const tz = ctx.config.timezone;
  const rows = await ctx.store.auditReading.linesAbout({ personId: m.id, since: null, before: null, limit: EXPORT_MAX, ...(filter !== "all" ? { actions: actionsOfKind(filter) } : {}) });
  const whose: Whose = { you: false, name: m.name };
  const bytes = await auditLinesWorkbook({
    member: m.name,
    branch: m.branch,
    filter: FILTER_WORD[filter],
    madeAt: localDateTime(now, tz),
    madeBy: ctx.actor.name,
    rows: rows.map((l) => {
      const v = lineView(l, whose, tz, m.id);
      const kind = auditWords({ action: l.action, fields: [], ref: null }, whose)?.kind;
      return { when: v.when, who: v.who.zh, kind: kind === "view" ? "查看" : kind === "change" ? "修改" : "", what: v.what.zh };
    }),
  });
  const fileName = `查阅记录-${m.name}-${dayIn(now, tz).replaceAll("-", "")}.xlsx`;
  const file = await ctx.store.exportFiles.createExportFile({ personId: ctx.actor.personId, kind: "audit-lines", fileName, bytes, at: now, expiresAt: new Date(now.getTime() + EXPORT_KEEP_DAYS * DAY_MS) });
  await ctx.audit({ action: "audit.export", subjectType: "Person", subjectId: m.id, orgId: m.orgId, subjectPersonId: m.id, changes: { filter, lines: rows.length, file: file.id } });
  ctx.send({ openId: ctx.actor.openId }, { file: { exportFileId: file.id } }, `audit-export-${file.id}`);
  return memberAuditCard(ctx, m, filter, undefined, { fileName, count: rows.length, sent: true });
}
