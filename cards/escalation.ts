// 上报: the cards of items a branch put before the committee. The committee's secretaries get a
// notice with a 查看 button; 上报事项 lists what landed with them; the item card shows the item
// itself (need to know: only an escalated item is ever drawn here) with the form that closes it
// with an answer; the raising branch's secretaries get the answer.
import { CATEGORY_LABEL, STATUS_LABEL, type AidCategory, type AidStatus } from "../src/domain/aid-rules.ts";
import { REASON_LABEL, SUBJECT_LABEL, ESCALATION_NOTE_MAX, type EscalationReason, type EscalationSubject } from "../src/domain/escalation.ts";
import { CAUSE_LABEL, HARDSHIP_STATUS_LABEL, HISTORY_LABEL, LEVEL_LABEL, type HardshipCause, type HardshipLevel } from "../src/domain/hardship-rules.ts";
import { yuanText } from "../src/domain/money.ts";
import { clip, esc, joinText, lineWithButton, mdLines } from "./aid-common.ts";
import { button, card, form, hr, input, md, note, t, type Card, type Element, type Text } from "./kit.ts";

export const ESCALATION_ACTION = {
  open: "escalation-open",
  close: "escalation-close",
  raise: "escalation-raise",
} as const;

/** What every escalation card says about the item: where from, what, why, when. */
export interface EscalationHead {
  escalationId: number;
  fromOrg: string;
  subject: EscalationSubject;
  reason: EscalationReason;
  /** The number people know it by (2026-0007), if any. */
  number: string | null;
  /** The member it is about; null for a suggestion. */
  memberName: string | null;
  /** Local day it was raised, "2026-03-05". */
  raisedOn: string;
  /** Who raised it; null when the scheduler did. */
  raisedBy: string | null;
  note: string | null;
  status: "OPEN" | "CLOSED";
}

const SUGGESTION_KIND: Record<"SUGGESTION" | "OPINION" | "CRITICISM", Text> = {
  SUGGESTION: { zh: "建议", en: "suggestion" },
  OPINION: { zh: "意见", en: "opinion" },
  CRITICISM: { zh: "批评", en: "criticism" },
};

const what = (h: Pick<EscalationHead, "subject" | "number" | "memberName">): Text => {
  const label = SUBJECT_LABEL[h.subject];
  const num = h.number ? ` ${h.number}` : "";
  const who = h.memberName ? `（${h.memberName}）` : "";
  return { zh: `${label.zh}${num}${who}`, en: `${label.en}${num}${h.memberName ? ` (${h.memberName})` : ""}` };
};

function headLines(h: EscalationHead): Text[] {
  return [
    { zh: `**来自**：${h.fromOrg}`, en: `**From**: ${h.fromOrg}` },
    { zh: `**事项**：${what(h).zh}`, en: `**Item**: ${what(h).en}` },
    { zh: `**上报原因**：${REASON_LABEL[h.reason].zh}`, en: `**Why**: ${REASON_LABEL[h.reason].en}` },
    { zh: `**上报时间**：${h.raisedOn}${h.raisedBy ? `　**上报人**：${h.raisedBy}` : "（系统自动）"}`, en: `**Raised**: ${h.raisedOn}${h.raisedBy ? ` by ${h.raisedBy}` : " (automatically)"}` },
    ...(h.note ? [{ zh: `**说明**：${esc(clip(h.note, ESCALATION_NOTE_MAX))}`, en: `**Note**: ${esc(clip(h.note, ESCALATION_NOTE_MAX))}` }] : []),
  ];
}

const openButton = (id: number, primary = true) => button({ text: t("查看", "Open"), action: ESCALATION_ACTION.open, value: { e: id }, type: primary ? "primary" : "default" });

/** To the committee's secretaries: an item landed with them. */
export function escalationNoticeCard(h: EscalationHead): Card {
  return card({
    title: t(`支部上报 · ${h.fromOrg}`, `Raised to you · ${h.fromOrg}`),
    template: "orange",
    elements: [
      mdLines(headLines(h)),
      openButton(h.escalationId),
      note(t("点「查看」看事项详情并答复；每次查看都记入当事党员的查阅记录。", "Open it to read the item and answer; each view is logged for the member concerned.")),
    ],
  });
}

/** A line of the list: the head without who raised it and why in words, and when it was closed. */
export type EscalationListItem = Omit<EscalationHead, "raisedBy" | "note"> & { closedOn: string | null };

/** 上报事项: what landed with the reader, open first, then closed this year. */
export function escalationListCard(d: { items: EscalationListItem[]; year: number }): Card {
  const open = d.items.filter((i) => i.status === "OPEN");
  const closed = d.items.filter((i) => i.status === "CLOSED");
  const line = (i: EscalationListItem) =>
    lineWithButton(
      md({
        zh: `**${i.fromOrg}** · ${what(i).zh}\n${REASON_LABEL[i.reason].zh} · ${i.raisedOn} 上报${i.closedOn ? ` · ${i.closedOn} 办结` : ""}`,
        en: `**${i.fromOrg}** · ${what(i).en}\n${REASON_LABEL[i.reason].en} · raised ${i.raisedOn}${i.closedOn ? ` · closed ${i.closedOn}` : ""}`,
      }),
      openButton(i.escalationId, i.status === "OPEN"),
    );
  const elements: Element[] = [];
  if (d.items.length === 0) elements.push(md(t(`目前没有上报给您的事项（含 ${d.year} 年已办结的）。`, `Nothing has been raised to you (closed items of ${d.year} included).`)));
  if (open.length > 0) elements.push(md(t(`**待办结（${open.length}）**`, `**Open (${open.length})**`)), ...open.map(line));
  if (closed.length > 0) elements.push(...(open.length > 0 ? [hr()] : []), md(t(`**${d.year} 年已办结（${closed.length}）**`, `**Closed in ${d.year} (${closed.length})**`)), ...closed.map(line));
  elements.push(note(t("各支部的统计数字见「分析」；个人事项只在上报后可见。", "Branch figures are in 分析; an individual item shows only once it is raised to you.")));
  return card({ title: t("上报事项", "Items raised to you"), template: open.length > 0 ? "orange" : "blue", elements });
}

export type EscalatedItem =
  | {
      kind: "HardshipEntry";
      memberName: string;
      status: "ACTIVE" | "RESOLVED";
      level: HardshipLevel;
      causes: HardshipCause[];
      household: string;
      nextReviewOn: string;
      resolvedReason: string | null;
      history: { at: string; actor: string | null; action: string }[];
    }
  | {
      kind: "AidRequest";
      number: string;
      memberName: string;
      category: AidCategory;
      description: string;
      requestedFen: number | null;
      status: AidStatus;
      filedAt: string;
      decision: { amountFen: number | null; note: string | null; by: string | null; at: string } | null;
    }
  | {
      kind: "TrainingApplication";
      number: string | null;
      memberName: string;
      course: string;
      provider: string;
      startOn: string;
      endOn: string;
      requestedFen: number | null;
      reason: string;
      status: AidStatus;
      decisionNote: string | null;
    }
  | {
      kind: "Suggestion";
      number: string | null;
      suggestionKind: "SUGGESTION" | "OPINION" | "CRITICISM";
      body: string;
      status: "OPEN" | "ANSWERED";
      answer: string | null;
      createdOn: string;
    };

const money = (fen: number | null): Text => (fen === null ? t("未填", "not given") : yuanText(fen));
const long = (s: string) => esc(clip(s, 800));

function itemLines(i: EscalatedItem): Text[] {
  switch (i.kind) {
    case "HardshipEntry":
      return [
        { zh: `**党员**：${i.memberName}`, en: `**Member**: ${i.memberName}` },
        { zh: `**状态**：${HARDSHIP_STATUS_LABEL[i.status].zh}　**级别**：${LEVEL_LABEL[i.level].zh}`, en: `**Status**: ${HARDSHIP_STATUS_LABEL[i.status].en}　**Level**: ${LEVEL_LABEL[i.level].en}` },
        { zh: `**困难原因**：${joinText(i.causes.map((c) => CAUSE_LABEL[c])).zh}`, en: `**Causes**: ${joinText(i.causes.map((c) => CAUSE_LABEL[c])).en}` },
        { zh: `**家庭情况**：${long(i.household)}`, en: `**Household**: ${long(i.household)}` },
        i.status === "ACTIVE" ? { zh: `**下次复核**：${i.nextReviewOn}`, en: `**Next review**: ${i.nextReviewOn}` } : { zh: `**解困原因**：${esc(i.resolvedReason ?? "")}`, en: `**Resolved**: ${esc(i.resolvedReason ?? "")}` },
        ...(i.history.length > 0 ? [t("**变更记录**", "**History**")] : []),
        ...i.history.slice(-8).map((h) => {
          const label = HISTORY_LABEL[h.action] ?? { zh: h.action, en: h.action };
          return { zh: `${h.at}　${h.actor ?? ""}${label.zh}`, en: `${h.at}　${h.actor ?? ""} ${label.en}` };
        }),
      ];
    case "AidRequest":
      return [
        { zh: `**编号**：${i.number}　**申请人**：${i.memberName}`, en: `**Number**: ${i.number}　**Member**: ${i.memberName}` },
        { zh: `**类别**：${CATEGORY_LABEL[i.category].zh}　**申请金额**：${money(i.requestedFen).zh}`, en: `**Category**: ${CATEGORY_LABEL[i.category].en}　**Amount asked**: ${money(i.requestedFen).en}` },
        { zh: `**情况说明**：${long(i.description)}`, en: `**Description**: ${long(i.description)}` },
        { zh: `**状态**：${STATUS_LABEL[i.status].zh}　**提交于**：${i.filedAt}`, en: `**Status**: ${STATUS_LABEL[i.status].en}　**Filed**: ${i.filedAt}` },
        ...(i.decision
          ? [
              {
                zh: `**决定**：${i.decision.by ?? ""} ${i.decision.at}${i.decision.amountFen !== null ? `，批准 ${yuanText(i.decision.amountFen).zh}` : ""}${i.decision.note ? `；${esc(clip(i.decision.note, 300))}` : ""}`,
                en: `**Decision**: ${i.decision.by ?? ""} ${i.decision.at}${i.decision.amountFen !== null ? `, granted ${yuanText(i.decision.amountFen).en}` : ""}${i.decision.note ? `; ${esc(clip(i.decision.note, 300))}` : ""}`,
              },
            ]
          : []),
      ];
    case "TrainingApplication":
      return [
        { zh: `**编号**：${i.number ?? "—"}　**申请人**：${i.memberName}`, en: `**Number**: ${i.number ?? "—"}　**Member**: ${i.memberName}` },
        { zh: `**培训**：${esc(i.course)}（${esc(i.provider)}），${i.startOn} 至 ${i.endOn}`, en: `**Course**: ${esc(i.course)} (${esc(i.provider)}), ${i.startOn} to ${i.endOn}` },
        { zh: `**申请补贴**：${money(i.requestedFen).zh}　**状态**：${STATUS_LABEL[i.status].zh}`, en: `**Subsidy asked**: ${money(i.requestedFen).en}　**Status**: ${STATUS_LABEL[i.status].en}` },
        { zh: `**申请理由**：${long(i.reason)}`, en: `**Reason**: ${long(i.reason)}` },
        ...(i.decisionNote ? [{ zh: `**审批意见**：${esc(clip(i.decisionNote, 300))}`, en: `**Decision note**: ${esc(clip(i.decisionNote, 300))}` }] : []),
      ];
    case "Suggestion":
      return [
        { zh: `**编号**：${i.number ?? "—"}　**类型**：${SUGGESTION_KIND[i.suggestionKind].zh}　**提出于**：${i.createdOn}`, en: `**Number**: ${i.number ?? "—"}　**Kind**: ${SUGGESTION_KIND[i.suggestionKind].en}　**Put**: ${i.createdOn}` },
        { zh: `**内容**：${long(i.body)}`, en: `**Text**: ${long(i.body)}` },
        i.answer ? { zh: `**支部答复**：${long(i.answer)}`, en: `**Branch's answer**: ${long(i.answer)}` } : t("**支部答复**：尚未答复", "**Branch's answer**: not yet"),
      ];
  }
}

/** The item itself, for the organisation it landed with; open items carry the form that closes them. */
export function escalationItemCard(d: { head: EscalationHead; item: EscalatedItem | null; closed: { by: string | null; on: string; note: string | null } | null }): Card {
  const elements: Element[] = [mdLines(headLines(d.head)), hr()];
  elements.push(d.item ? mdLines(itemLines(d.item)) : md(t("该事项已不存在（可能已被删除）。", "The item no longer exists.")));
  if (d.closed) {
    elements.push(hr(), mdLines([{ zh: `**已办结**：${d.closed.on}${d.closed.by ? `（${d.closed.by}）` : ""}`, en: `**Closed**: ${d.closed.on}${d.closed.by ? ` by ${d.closed.by}` : ""}` }, { zh: `**答复**：${esc(d.closed.note ?? "")}`, en: `**Answer**: ${esc(d.closed.note ?? "")}` }]));
  } else {
    elements.push(
      hr(),
      form("escalation_close", [
        input({ name: "answer", label: t("答复意见（将告知上报支部）", "Answer (the branch is told)"), multiline: true, maxLength: ESCALATION_NOTE_MAX, required: true }),
        button({ text: t("答复并办结", "Answer and close"), action: ESCALATION_ACTION.close, value: { e: d.head.escalationId }, type: "primary", name: "close", submit: true }),
      ]),
    );
  }
  elements.push(note(t("仅因上报而可见；本次查看已记入当事党员的查阅记录。", "Visible because it was raised to you; this view is logged for the member concerned.")));
  return card({ title: { zh: `上报事项 · ${what(d.head).zh}`, en: `Raised item · ${what(d.head).en}` }, template: d.closed ? "grey" : "orange", elements });
}

/** To the raising branch's secretaries: the committee closed the item with its answer. */
export function escalationClosedCard(d: { toOrg: string; subject: EscalationSubject; number: string | null; memberName: string | null; raisedOn: string; closedBy: string; closedOn: string; answer: string }): Card {
  const w = what(d);
  return card({
    title: t(`上级已答复 · ${w.zh}`, `Answered from above · ${w.en}`),
    template: "green",
    elements: [
      mdLines([
        { zh: `您支部 ${d.raisedOn} 上报的${w.zh}，${d.toOrg}已办结。`, en: `${d.toOrg} closed the ${w.en} your branch raised on ${d.raisedOn}.` },
        { zh: `**答复**：${esc(clip(d.answer, ESCALATION_NOTE_MAX))}`, en: `**Answer**: ${esc(clip(d.answer, ESCALATION_NOTE_MAX))}` },
        { zh: `**办结人**：${d.closedBy}（${d.closedOn}）`, en: `**By**: ${d.closedBy} (${d.closedOn})` },
      ]),
    ],
  });
}

/** The 上报党委 button of a hardship entry (or another item's card): raises it with no note. */
export const raiseButton = (subject: EscalationSubject, id: number): Element =>
  button({
    text: t("上报党委", "Raise to the committee"),
    action: ESCALATION_ACTION.raise,
    value: { s: subject, i: id },
    confirm: { title: t("上报上级党组织？", "Raise to the organisation above?"), text: t("上级党组织的书记将能查看此事项的详情。", "The secretaries above will be able to read this item.") },
  });

/** 档案 for an organisation above branches: counts per branch only, and where the raised entries are. */
export function hardshipCountsCard(d: { orgName: string; year: number; openRaised: number; rows: { branch: string; active: number; special: number; serious: number; due: number; resolved: number }[] }): Card {
  const total = d.rows.reduce((a, r) => ({ active: a.active + r.active, special: a.special + r.special, serious: a.serious + r.serious, due: a.due + r.due, resolved: a.resolved + r.resolved }), { active: 0, special: 0, serious: 0, due: 0, resolved: 0 });
  const row = (name: Text, r: typeof total) => ({
    zh: `**${name.zh}**：在档 ${r.active}（特别困难 ${r.special}，较重 ${r.serious}），待复核 ${r.due}，${d.year} 年解困 ${r.resolved}`,
    en: `**${name.en}**: ${r.active} active (${r.special} special, ${r.serious} serious), ${r.due} due for review, ${r.resolved} resolved in ${d.year}`,
  });
  return card({
    title: t(`困难党员档案 · ${d.orgName}`, `Hardship archive · ${d.orgName}`),
    template: "carmine",
    elements: [
      mdLines(d.rows.length === 0 ? [t("下属支部目前没有困难党员档案。", "No branch below has hardship entries.")] : [...d.rows.map((r) => row({ zh: r.branch, en: r.branch }, r)), row(t("合计", "Total"), total)]),
      hr(),
      md({
        zh: `各支部的档案只显示数字。上报给您的困难档案（待办结 ${d.openRaised} 件）请用「上报事项」查看。`,
        en: `Branches' entries show as figures only. Entries raised to you (${d.openRaised} open) are in 上报事项.`,
      }),
    ],
  });
}
