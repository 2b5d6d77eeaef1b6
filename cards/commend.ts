// 表彰: the nomination form a leader fills in, the secretary's decision card (approve with level
// and date, decline with a reason; once approved, revoke with a reason), the announcement in
// the branch group, what the member and the nominator are told, and the branch's list.
import { dateWords } from "../src/domain/date-words.ts";
import { NOTE_MAX, DESCRIPTION_MAX } from "../src/domain/aid-rules.ts";
import { COMMEND_LEVEL_LABEL, COMMEND_LEVELS, COMMEND_STATUS_LABEL, TITLE_MAX, type CommendLevel, type CommendStatus } from "../src/domain/commend-rules.ts";
import { clip, esc, mdLines } from "./aid-common.ts";
import { button, card, columns, datePicker, form, hr, input, md, note, select, t, type Card, type Colour, type Element, type Text } from "./kit.ts";
import { WORK_ACTION } from "./work-common.ts";

export interface CommendView {
  id: number;
  /** The readable number (2026-0013), or "#id" for a nomination filed before numbering. */
  label: string;
  member: string;
  branch: string;
  nominator: string;
  title: string;
  level: CommendLevel;
  deeds: string;
  status: CommendStatus;
  nominatedAt: string;
  awardedOn: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  revokedBy: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

const COLOUR: Record<CommendStatus, Colour> = { PENDING: "orange", APPROVED: "red", DECLINED: "grey", REVOKED: "grey" };

export const commendHeadline = (v: { title: string; level: CommendLevel }): Text => ({ zh: `${esc(v.title)}（${COMMEND_LEVEL_LABEL[v.level].zh}）`, en: `${esc(v.title)} (${COMMEND_LEVEL_LABEL[v.level].en})` });

export function commendFormCard(data: { person: { id: number; name: string }; orgName: string }): Card {
  return card({
    title: t(`表彰提名 · ${data.person.name}`, `Nominate ${data.person.name} for commendation`),
    subtitle: { zh: `${data.orgName} · 由支部书记审批`, en: `${data.orgName} · the secretary decides` },
    template: "red",
    elements: [
      form("commend_nominate", [
        input({ name: "title", label: t("表彰名称", "Title"), required: true, maxLength: TITLE_MAX, placeholder: t("例如：优秀共产党员", "e.g. Outstanding Party member") }),
        select({ name: "level", placeholder: t("表彰级别", "Level"), required: true, initial: "BRANCH", options: COMMEND_LEVELS.map((l) => ({ value: l, text: COMMEND_LEVEL_LABEL[l] })) }),
        input({ name: "deeds", label: t("主要事迹", "Deeds"), required: true, multiline: true, maxLength: DESCRIPTION_MAX }),
        button({ text: t("提交提名", "Nominate"), action: WORK_ACTION.commendSubmit, value: { p: data.person.id }, type: "primary_filled", name: "submit", submit: true }),
      ]),
    ],
  });
}

function commendLines(v: CommendView): Text[] {
  return [
    { zh: `**党员**：${v.member}（${v.branch}）`, en: `**Member**: ${v.member} (${v.branch})` },
    { zh: `**表彰**：${commendHeadline(v).zh}`, en: `**Commendation**: ${commendHeadline(v).en}` },
    { zh: `**主要事迹**：${esc(clip(v.deeds, 800))}`, en: `**Deeds**: ${esc(clip(v.deeds, 800))}` },
    { zh: `**提名人**：${v.nominator} · ${v.nominatedAt}`, en: `**Nominated by** ${v.nominator} · ${v.nominatedAt}` },
  ];
}

export function commendDecisionLines(v: CommendView): Text[] {
  const lines: Text[] = [];
  if (v.status === "APPROVED" || v.status === "REVOKED") lines.push({ zh: `**✅ 批准表彰**，表彰日期 ${v.awardedOn ? dateWords(v.awardedOn).zh : ""}`, en: `**✅ Approved**, dated ${v.awardedOn ? dateWords(v.awardedOn).en : ""}` });
  if (v.status === "DECLINED") lines.push(t("**❌ 未通过**", "**❌ Declined**"));
  if (v.decisionNote) lines.push(v.status === "DECLINED" ? { zh: `**理由**：${esc(v.decisionNote)}`, en: `**Reason**: ${esc(v.decisionNote)}` } : { zh: `**备注**：${esc(v.decisionNote)}`, en: `**Note**: ${esc(v.decisionNote)}` });
  if (v.decidedBy) lines.push({ zh: `审批人：${v.decidedBy} · ${v.decidedAt ?? ""}`, en: `Decided by ${v.decidedBy} · ${v.decidedAt ?? ""}` });
  if (v.status === "REVOKED") lines.push({ zh: `**⛔ 已撤销**：${esc(v.revokeReason ?? "")}（${v.revokedBy ?? ""} · ${v.revokedAt ?? ""}）`, en: `**⛔ Revoked**: ${esc(v.revokeReason ?? "")} (${v.revokedBy ?? ""} · ${v.revokedAt ?? ""})` });
  return lines;
}

/** The secretary's card, redrawn to the current state on every copy. */
export function commendDecisionCard(v: CommendView & { today: string }): Card {
  const r = { m: v.id };
  const elements: Element[] = [mdLines(commendLines(v)), hr()];
  if (v.status === "PENDING") {
    elements.push(
      form("commend_decide", [
        columns([
          [select({ name: "level", placeholder: t("表彰级别", "Level"), initial: v.level, options: COMMEND_LEVELS.map((l) => ({ value: l, text: COMMEND_LEVEL_LABEL[l] })) })],
          [datePicker({ name: "awarded_on", placeholder: t("表彰日期", "Date"), initial: v.today })],
        ]),
        input({ name: "note", label: t("备注 / 不通过理由", "Note / reason"), multiline: true, maxLength: NOTE_MAX }),
        columns([
          [button({ text: t("批准表彰", "Approve"), action: WORK_ACTION.commendApprove, value: r, type: "primary_filled", name: "approve", submit: true })],
          [button({ text: t("不通过", "Decline"), action: WORK_ACTION.commendDecline, value: r, type: "danger", name: "decline", submit: true })],
        ]),
      ]),
      note(t("批准后将在支部群公告，并记入该党员的表彰记录。不通过须填写理由。", "Approval is announced in the branch group and kept on the member's record. Declining needs a reason.")),
    );
  } else {
    elements.push(mdLines(commendDecisionLines(v)));
    if (v.status === "APPROVED") {
      elements.push(
        form("commend_revoke", [
          input({ name: "reason", label: t("撤销理由", "Reason to revoke"), maxLength: NOTE_MAX }),
          button({
            text: t("撤销表彰", "Revoke"),
            action: WORK_ACTION.commendRevoke,
            value: r,
            type: "danger",
            name: "revoke",
            submit: true,
            confirm: { title: t("确认撤销表彰？", "Revoke this commendation?"), text: t("撤销后支部群公告将标注已撤销，并通知本人。", "The announcement will show it revoked and the member is told.") },
          }),
        ]),
      );
    }
  }
  return card({ title: t(`表彰审批 · ${v.member}`, `Commendation · ${v.member}`), subtitle: { zh: `${COMMEND_STATUS_LABEL[v.status].zh} · ${v.label}`, en: `${COMMEND_STATUS_LABEL[v.status].en} · ${v.label}` }, template: COLOUR[v.status], elements });
}

export function commendReceiptCard(v: CommendView & { deciderCount: number }): Card {
  return card({
    title: t(`表彰提名已提交 · ${v.member}`, `Nomination filed · ${v.member}`),
    subtitle: t(`编号 ${v.label}`, `No. ${v.label}`),
    template: "orange",
    elements: [
      mdLines(commendLines(v)),
      note(v.deciderCount > 0 ? t("已提交支部书记审批，结果会通知您。", "Sent to the secretary; you will be told.") : t("本支部暂无可在线审批的书记，请联系支部书记。", "No secretary of the branch can be reached in Lark.")),
    ],
  });
}

/** The announcement in the branch group; a revoked one is redrawn to say so (the reason stays on the record). */
export function commendAnnouncementCard(v: { member: string; branch: string; title: string; level: CommendLevel; deeds: string; awardedOn: string; revoked?: boolean }): Card {
  if (v.revoked) {
    return card({ title: t("表彰公告（已撤销）", "Commendation (revoked)"), template: "grey", elements: [md({ zh: `${v.branch}对${v.member}的「${esc(v.title)}」表彰已撤销。`, en: `${v.branch} revoked the commendation "${esc(v.title)}" of ${v.member}.` })] });
  }
  return card({
    title: t("表彰公告", "Commendation"),
    subtitle: { zh: v.branch, en: v.branch },
    template: "red",
    elements: [
      md({ zh: `🎖 经支部研究决定，授予**${v.member}**同志「${commendHeadline(v).zh}」称号。`, en: `🎖 ${v.branch} commends **${v.member}**: ${commendHeadline(v).en}.` }),
      mdLines([{ zh: `**主要事迹**：${esc(clip(v.deeds, 800))}`, en: `**Deeds**: ${esc(clip(v.deeds, 800))}` }, { zh: `表彰日期：${dateWords(v.awardedOn).zh}`, en: `Dated ${dateWords(v.awardedOn).en}` }]),
      note(t("向先进学习，立足岗位作贡献。", "Let us learn from them.")),
    ],
  });
}

const RESULT_TITLE: Record<CommendStatus, Text> = {
  PENDING: { zh: "表彰提名待审批", en: "Nomination awaiting decision" },
  APPROVED: { zh: "表彰已批准", en: "Commendation approved" },
  DECLINED: { zh: "表彰提名未通过", en: "Nomination declined" },
  REVOKED: { zh: "表彰已撤销", en: "Commendation revoked" },
};

/** What the member (or the nominator, `asNominator`) is told after a decision or a revocation. */
export function commendResultCard(v: CommendView & { asNominator?: boolean }): Card {
  const head: Text = v.asNominator ? { zh: `您对${v.member}的表彰提名：`, en: `Your nomination of ${v.member}:` } : { zh: "您的表彰情况：", en: "Your commendation:" };
  return card({
    title: { zh: `${RESULT_TITLE[v.status].zh} · ${v.member}`, en: `${RESULT_TITLE[v.status].en} · ${v.member}` },
    subtitle: t(`编号 ${v.label}`, `No. ${v.label}`),
    template: COLOUR[v.status],
    elements: [mdLines([head, { zh: `**表彰**：${commendHeadline(v).zh}`, en: `**Commendation**: ${commendHeadline(v).en}` }, ...commendDecisionLines(v)])],
  });
}

export interface CommendListItem {
  id: number;
  label: string;
  member: string;
  title: string;
  level: CommendLevel;
  status: CommendStatus;
  awardedOn: string | null;
}

/** 表彰记录: the branch's commendations; a secretary gets a button to open each decision card. */
export function commendListCard(data: { orgName: string; items: CommendListItem[]; canOpen: boolean }): Card {
  const elements: Element[] = data.items.length === 0 ? [md(t("本支部还没有表彰记录。", "No commendations yet."))] : [];
  for (const i of data.items) {
    const line = md({ zh: `**${i.member}** · ${commendHeadline(i).zh} · ${COMMEND_STATUS_LABEL[i.status].zh}${i.awardedOn ? ` · ${dateWords(i.awardedOn).zh}` : ""} · ${i.label}`, en: `**${i.member}** · ${commendHeadline(i).en} · ${COMMEND_STATUS_LABEL[i.status].en}${i.awardedOn ? ` · ${dateWords(i.awardedOn).en}` : ""} · ${i.label}` });
    elements.push(data.canOpen ? columns([[line], [button({ text: t("打开", "Open"), action: WORK_ACTION.commendOpen, value: { m: i.id } })]]) : line);
  }
  return card({ title: { zh: `表彰记录 · ${data.orgName}`, en: `Commendations · ${data.orgName}` }, template: "red", elements });
}
