// 组织关系变动: the card a secretary confirms (what exactly will happen, with 确认 / 取消), the
// result (what was done, with 撤销 while the branch's undo period lasts), the cancelled and
// undone states, and the notice the other secretaries concerned get.
import { button, card, columns, md, note, t, type Card, type Element, type Text } from "./kit.ts";
import { esc, lines } from "./visit-text.ts";

export const ROSTER_ACTION = {
  confirm: "roster-change-confirm",
  cancel: "roster-change-cancel",
  undo: "roster-change-undo",
} as const;

/** What the change is, as every card of it shows it. */
export interface ChangeSummary {
  kind: Text;
  memberName: string;
  /** Shown for a transfer in: the mobile's last four digits tell namesakes apart. */
  mobileTail?: string | null;
  orgName: string;
  effectiveOn: string;
  /** Transfers: the branch or organisation on the other side. */
  otherOrgName: string | null;
  /** A transfer to a branch in this system (its secretaries are told, items move). */
  inSystem: boolean;
  /** Out of the branch (转出) or into it (转入); null for the other kinds. */
  direction: "out" | "in" | null;
  note: string | null;
}

function summaryLines(s: ChangeSummary): Element {
  const who = `${esc(s.memberName)}${s.mobileTail ? `（手机尾号 ${s.mobileTail}）` : ""}`;
  const whoEn = `${esc(s.memberName)}${s.mobileTail ? ` (mobile …${s.mobileTail})` : ""}`;
  const other = s.otherOrgName ? esc(s.otherOrgName) : "";
  const where: Text =
    s.direction === "out"
      ? { zh: ` → ${other}${s.inSystem ? "（本系统内）" : "（系统外）"}`, en: ` → ${other}${s.inSystem ? " (in this system)" : " (outside the system)"}` }
      : s.direction === "in" && other
        ? { zh: ` ← ${other}`, en: ` ← ${other}` }
        : { zh: "", en: "" };
  const ls: Text[] = [
    { zh: `**党员**：${who}（${esc(s.orgName)}）`, en: `**Member**: ${whoEn} (${esc(s.orgName)})` },
    { zh: `**变动**：${s.kind.zh}${where.zh}`, en: `**Change**: ${s.kind.en}${where.en}` },
    { zh: `**生效日期**：${s.effectiveOn}`, en: `**Effective**: ${s.effectiveOn}` },
  ];
  if (s.note) ls.push({ zh: `**备注**：${esc(s.note)}`, en: `**Note**: ${esc(s.note)}` });
  return lines(ls);
}

function bullets(ls: readonly Text[]): Element[] {
  return ls.length > 0 ? [lines(ls.map((l) => ({ zh: `• ${l.zh}`, en: `• ${l.en}` })))] : [];
}

export interface ChangeConfirmData {
  summary: ChangeSummary;
  /** What the click will do, item by item, with counts. */
  effects: Text[];
  /** What stays for the secretary to do by hand (members to reassign, visits to hand on). */
  hints: Text[];
  /** The confirm button's value: the change as checked, checked again on the click. */
  value: Record<string, string | number | boolean>;
}

export function changeConfirmCard(d: ChangeConfirmData): Card {
  return card({
    title: { zh: `请确认：${d.summary.kind.zh}`, en: `Please confirm: ${d.summary.kind.en}` },
    subtitle: { zh: `${d.summary.memberName} · ${d.summary.orgName}`, en: `${d.summary.memberName} · ${d.summary.orgName}` },
    template: "orange",
    elements: [
      summaryLines(d.summary),
      md(t("**确认后将：**", "**On confirming:**")),
      ...bullets(d.effects),
      ...(d.hints.length > 0 ? [md(t("**另请留意：**", "**Also:**")), ...bullets(d.hints)] : []),
      columns(
        [
          [button({ text: t("确认", "Confirm"), action: ROSTER_ACTION.confirm, value: d.value, type: "primary_filled" })],
          [button({ text: t("取消", "Cancel"), action: ROSTER_ACTION.cancel, value: { k: String(d.value.k ?? "") } })],
        ],
        { flex: "bisect" },
      ),
      note(t("只有点击「确认」才会登记；登记后可在撤销期限内撤销。", "Nothing is recorded until you confirm; a recorded change can be undone within the undo period.")),
    ],
  });
}

export interface ChangeDoneData {
  summary: ChangeSummary;
  changeId: number;
  /** What was done, item by item, from what the change wrote. */
  effects: Text[];
  /** The last day 撤销 is possible; null when it no longer is. */
  undoUntil: string | null;
}

export function changeDoneCard(d: ChangeDoneData): Card {
  return card({
    title: { zh: `已登记：${d.summary.kind.zh}`, en: `Recorded: ${d.summary.kind.en}` },
    subtitle: { zh: `${d.summary.memberName} · ${d.summary.orgName}`, en: `${d.summary.memberName} · ${d.summary.orgName}` },
    template: "green",
    elements: [
      summaryLines(d.summary),
      ...(d.effects.length > 0 ? [md(t("**已完成：**", "**Done:**")), ...bullets(d.effects)] : []),
      ...(d.undoUntil
        ? [
            button({
              text: t("撤销", "Undo"),
              action: ROSTER_ACTION.undo,
              value: { c: d.changeId },
              type: "danger",
              confirm: {
                title: t("撤销该变动", "Undo this change"),
                text: { zh: `确定撤销${d.summary.memberName}的「${d.summary.kind.zh}」吗？将恢复变动前的状态。`, en: `Undo "${d.summary.kind.en}" for ${d.summary.memberName}? Everything returns to how it was.` },
              },
            }),
            note({ zh: `如登记有误，可于 ${d.undoUntil} 前撤销（也可发送「撤销变动 ${d.summary.memberName}」）。`, en: `If this was a mistake, undo it by ${d.undoUntil} (or send “撤销变动 ${d.summary.memberName}”).` }),
          ]
        : [note(t("已过撤销期限。", "The undo period has passed."))]),
    ],
  });
}

export function changeCancelledCard(kind: Text): Card {
  return card({
    title: { zh: `已取消：${kind.zh}`, en: `Cancelled: ${kind.en}` },
    template: "grey",
    elements: [md(t("未做任何更改。", "Nothing was changed."))],
  });
}

export function changeRevertedCard(d: { summary: ChangeSummary; notRestored: number }): Card {
  return card({
    title: { zh: `已撤销：${d.summary.kind.zh}`, en: `Undone: ${d.summary.kind.en}` },
    subtitle: { zh: `${d.summary.memberName} · ${d.summary.orgName}`, en: `${d.summary.memberName} · ${d.summary.orgName}` },
    template: "grey",
    elements: [
      summaryLines(d.summary),
      md(t("已恢复变动前的状态：身份、关闭的事项和随转的事项均已还原。", "Everything is as it was before: roles, closed items and moved items are restored.")),
      ...(d.notRestored > 0
        ? [note({ zh: `其中 ${d.notRestored} 项（就业帮扶或困难档案）因已有新的记录而未重新打开。`, en: `${d.notRestored} item(s) (employment case or hardship entry) were not reopened because a newer one is open.` })]
        : []),
    ],
  });
}

export interface ChangeNoticeData {
  secretaryName: string;
  byName: string;
  summary: ChangeSummary;
  effects: Text[];
  /** The receiving branch's secretary: the member arrives there. */
  receiving: boolean;
  reverted: boolean;
}

export function changeNoticeCard(d: ChangeNoticeData): Card {
  const s = d.summary;
  const what = s.direction === "out" && s.otherOrgName ? `${s.kind.zh}至${esc(s.otherOrgName)}` : s.kind.zh;
  const whatEn = s.direction === "out" && s.otherOrgName ? `${s.kind.en} to ${esc(s.otherOrgName)}` : s.kind.en;
  const head: Text = d.reverted
    ? { zh: `${esc(d.secretaryName)}同志，${esc(d.byName)}撤销了${esc(s.orgName)}党员**${esc(s.memberName)}**的「${what}」（${s.effectiveOn}），已恢复原状。`, en: `${esc(d.secretaryName)}, ${esc(d.byName)} undid “${whatEn}” (${s.effectiveOn}) for **${esc(s.memberName)}** of ${esc(s.orgName)}; everything is restored.` }
    : { zh: `${esc(d.secretaryName)}同志，${esc(d.byName)}登记了${esc(s.orgName)}党员**${esc(s.memberName)}**的「${what}」，生效日期 ${s.effectiveOn}。`, en: `${esc(d.secretaryName)}, ${esc(d.byName)} recorded “${whatEn}” for **${esc(s.memberName)}** of ${esc(s.orgName)}, effective ${s.effectiveOn}.` };
  return card({
    title: d.reverted ? t("组织关系变动已撤销", "Membership change undone") : d.receiving ? t("组织关系转入通知", "A member transfers in") : t("组织关系变动通知", "Membership change"),
    subtitle: { zh: s.memberName, en: s.memberName },
    template: d.reverted ? "grey" : d.receiving ? "green" : "orange",
    elements: [
      md(head),
      ...(!d.reverted && d.effects.length > 0 ? bullets(d.effects) : []),
      ...(d.receiving && !d.reverted
        ? [note(t("谈心记录、困难档案、未完成的走访和结对已随转到本支部；请为其分配谈心责任人（发送「分配谈心」）。帮扶资金的收支留在原支部账上。", "Talk history, the hardship entry, open visits and pairings now belong to your branch; name a leader for talks (send “分配谈心”). Fund entries stay in the old branch's ledger."))]
        : []),
    ],
  });
}
