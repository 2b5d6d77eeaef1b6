// The hardship archive (困难党员档案) for the secretary: the list (档案), one entry with its
// history and the forms to update or close it, and the form that opens an entry.
import { dateWords } from "../src/domain/date-words.ts";
import { NOTE_MAX } from "../src/domain/aid-rules.ts";
import {
  CAUSE_LABEL,
  HARDSHIP_CAUSES,
  HARDSHIP_LEVELS,
  HARDSHIP_STATUS_LABEL,
  HISTORY_LABEL,
  LEVEL_LABEL,
  type HardshipCause,
  type HardshipLevel,
} from "../src/domain/hardship-rules.ts";
import { AID_ACTION, clip, esc, joinText, mdLines, multiSelect } from "./aid-common.ts";
import { raiseButton } from "./escalation.ts";
import { button, card, columns, datePicker, form, hr, input, md, note, select, t, type Card, type Element, type Text } from "./kit.ts";

export interface EntrySummary {
  entryId: number;
  name: string;
  status: "ACTIVE" | "RESOLVED";
  level: HardshipLevel;
  causes: HardshipCause[];
  nextReviewOn: string;
  overdue: boolean;
}

const causesText = (c: readonly HardshipCause[]): Text => joinText(c.map((x) => CAUSE_LABEL[x]));

export function hardshipListCard(data: { orgName: string; items: EntrySummary[] }): Card {
  const elements: Element[] = data.items.length === 0 ? [md(t("档案中还没有记录。发送「档案 姓名」为党员建档。", "The archive is empty. Send \"档案 <name>\" to open an entry."))] : [];
  for (const e of data.items) {
    const review =
      e.status === "ACTIVE"
        ? e.overdue
          ? { zh: `**复核已到期** ${dateWords(e.nextReviewOn).zh}`, en: `**review due** ${dateWords(e.nextReviewOn).en}` }
          : { zh: `下次复核 ${dateWords(e.nextReviewOn).zh}`, en: `next review ${dateWords(e.nextReviewOn).en}` }
        : HARDSHIP_STATUS_LABEL.RESOLVED;
    elements.push(
      columns([
        [
          md({
            zh: `**${e.name}** · ${HARDSHIP_STATUS_LABEL[e.status].zh} · ${LEVEL_LABEL[e.level].zh}\n${causesText(e.causes).zh} · ${review.zh}`,
            en: `**${e.name}** · ${HARDSHIP_STATUS_LABEL[e.status].en} · ${LEVEL_LABEL[e.level].en}\n${causesText(e.causes).en} · ${review.en}`,
          }),
        ],
        [button({ text: t("查看 / 管理", "Open"), action: AID_ACTION.hardshipView, value: { e: e.entryId } })],
      ]),
    );
  }
  return card({
    title: { zh: `困难党员档案 · ${data.orgName}`, en: `Hardship archive · ${data.orgName}` },
    template: "carmine",
    elements: [...elements, note(t("档案属个人敏感信息，仅支部书记可见，每次查看和修改都会记录。", "Sensitive: only the secretary sees it; every view and change is logged."))],
  });
}

export interface HistoryView {
  at: string;
  actor: string | null;
  action: string;
  changes: unknown;
}

function historyDetail(action: string, changes: unknown): string {
  if (!changes || typeof changes !== "object") return "";
  const c = changes as Record<string, unknown>;
  const parts: string[] = [];
  const level = (v: unknown) => (typeof v === "string" && v in LEVEL_LABEL ? LEVEL_LABEL[v as HardshipLevel].zh : String(v));
  const causes = (v: unknown) => (Array.isArray(v) ? v.map((x) => CAUSE_LABEL[x as HardshipCause]?.zh ?? String(x)).join("、") : String(v));
  const pair = (v: unknown, f: (x: unknown) => string) => (Array.isArray(v) && v.length === 2 && action !== "OPENED" ? `${f(v[0])} → ${f(v[1])}` : f(v));
  if (c.level !== undefined) parts.push(`级别 ${pair(c.level, level)}`);
  if (c.causes !== undefined) parts.push(`原因 ${Array.isArray(c.causes) && Array.isArray(c.causes[0]) ? pair(c.causes, causes) : causes(c.causes)}`);
  if (c.nextReviewOn !== undefined) parts.push(`下次复核 ${pair(c.nextReviewOn, String)}`);
  if (c.household !== undefined) parts.push("家庭情况已更新");
  if (typeof c.reason === "string") parts.push(`原因：${esc(clip(c.reason, 80))}`);
  return parts.join("；");
}

export interface HardshipEntryView extends EntrySummary {
  branch: string;
  household: string;
  openedFrom: string | null;
  resolvedReason: string | null;
  history: HistoryView[];
}

export function hardshipEntryCard(v: HardshipEntryView): Card {
  const elements: Element[] = [
    mdLines([
      { zh: `**党员**：${v.name}（${v.branch}）`, en: `**Member**: ${v.name} (${v.branch})` },
      { zh: `**状态**：${HARDSHIP_STATUS_LABEL[v.status].zh}　**级别**：${LEVEL_LABEL[v.level].zh}`, en: `**Status**: ${HARDSHIP_STATUS_LABEL[v.status].en}　**Level**: ${LEVEL_LABEL[v.level].en}` },
      { zh: `**困难原因**：${causesText(v.causes).zh}`, en: `**Causes**: ${causesText(v.causes).en}` },
      { zh: `**家庭情况**：${esc(clip(v.household, 500))}`, en: `**Household**: ${esc(clip(v.household, 500))}` },
      v.status === "ACTIVE"
        ? { zh: `**下次复核**：${dateWords(v.nextReviewOn).zh}${v.overdue ? "（已到期）" : ""}`, en: `**Next review**: ${dateWords(v.nextReviewOn).en}${v.overdue ? " (due)" : ""}` }
        : { zh: `**解困原因**：${esc(v.resolvedReason ?? "")}`, en: `**Resolved**: ${esc(v.resolvedReason ?? "")}` },
      ...(v.openedFrom ? [{ zh: `**建档来源**：帮扶申请 ${v.openedFrom}`, en: `**Opened from**: request ${v.openedFrom}` }] : []),
    ]),
    hr(),
    mdLines([
      t("**变更记录**", "**History**"),
      ...v.history.slice(-8).map((h) => {
        const label = HISTORY_LABEL[h.action] ?? { zh: h.action, en: h.action };
        const detail = historyDetail(h.action, h.changes);
        return { zh: `${h.at}　${h.actor ?? ""}${label.zh}${detail ? `：${detail}` : ""}`, en: `${h.at}　${h.actor ?? ""} ${label.en}` };
      }),
    ]),
  ];
  if (v.status === "ACTIVE") {
    const e = { e: v.entryId };
    elements.push(
      hr(),
      form("hardship_update", [
        md(t("**更新档案 / 复核**", "**Update / review**")),
        ...entryFields({ causes: v.causes, level: v.level, household: v.household, nextReviewOn: v.nextReviewOn }),
        button({ text: t("保存", "Save"), action: AID_ACTION.hardshipUpdate, value: e, type: "primary", name: "save", submit: true }),
      ]),
      form("hardship_resolve", [
        input({ name: "reason", label: t("解困原因", "Why the difficulty is resolved"), maxLength: NOTE_MAX }),
        button({ text: t("标记为已解困", "Mark resolved"), action: AID_ACTION.hardshipResolve, value: e, type: "danger", name: "resolve", submit: true }),
      ]),
      // 上报: the organisation above may then read the entry (need to know).
      raiseButton("HardshipEntry", v.entryId),
    );
  }
  return card({ title: { zh: `困难党员档案 · ${v.name}`, en: `Hardship archive · ${v.name}` }, template: v.status === "ACTIVE" ? "carmine" : "grey", elements });
}

function entryFields(d: { causes: HardshipCause[]; level: HardshipLevel; household: string; nextReviewOn: string }): Element[] {
  return [
    multiSelect({ name: "causes", placeholder: t("困难原因（可多选）", "Causes (one or more)"), options: HARDSHIP_CAUSES.map((c) => ({ value: c, text: CAUSE_LABEL[c] })), selected: d.causes }),
    select({ name: "level", placeholder: t("困难级别", "Level"), initial: d.level, options: HARDSHIP_LEVELS.map((l) => ({ value: l, text: LEVEL_LABEL[l] })) }),
    input({ name: "household", label: t("家庭情况", "Household situation"), multiline: true, maxLength: NOTE_MAX, defaultValue: d.household }),
    datePicker({ name: "next_review", placeholder: t("下次复核日期", "Next review date"), initial: d.nextReviewOn }),
  ];
}

export function hardshipOpenFormCard(data: {
  personId: number;
  name: string;
  fromRequest: { id: number; number: string } | null;
  causes: HardshipCause[];
  level: HardshipLevel;
  nextReviewOn: string;
}): Card {
  return card({
    title: { zh: `建立困难档案 · ${data.name}`, en: `Open a hardship entry · ${data.name}` },
    template: "carmine",
    elements: [
      md(
        data.fromRequest
          ? { zh: `根据帮扶申请 **${data.fromRequest.number}** 为**${data.name}**建档。`, en: `From request **${data.fromRequest.number}**, for **${data.name}**.` }
          : { zh: `为**${data.name}**建立困难党员档案。`, en: `Open an entry for **${data.name}**.` },
      ),
      form("hardship_open", [
        ...entryFields({ causes: data.causes, level: data.level, household: "", nextReviewOn: data.nextReviewOn }),
        button({
          text: t("建档", "Open entry"),
          action: AID_ACTION.hardshipOpen,
          value: data.fromRequest ? { p: data.personId, r: data.fromRequest.id } : { p: data.personId },
          type: "primary_filled",
          name: "open",
          submit: true,
        }),
      ]),
      note(t("复核周期：特别困难 3 个月，较重困难 6 个月，一般困难 12 个月（可调整）。", "Review: special 3 months, serious 6, general 12 (adjustable).")),
    ],
  });
}
