// 组织结对: the organisation's pairings with other organisations (a list with a button per
// pairing), the forms to set one up, record a joint activity and end one, and the notices the
// other side and the proposer get. Pure functions of plain data; every name the card shows is
// escaped, as people typed it.
import { dateWords } from "../src/domain/date-words.ts";
import { ORG_PAIRING_KIND_LABEL, ORG_PAIRING_KINDS, ORG_PAIRING_LIMITS, ORG_PAIRING_STATUS_LABEL, type OrgPairingKind, type OrgPairingStatus } from "../src/domain/org-pairing.ts";
import { button, card, datePicker, form, hr, input, md, note, select, t, type Card, type Element, type Text } from "./kit.ts";
import { clip, esc } from "./visit-text.ts";

export const ORG_PAIRING_ACTION = {
  newForm: "org-pairing-new",
  create: "org-pairing-create",
  accept: "org-pairing-accept",
  decline: "org-pairing-decline",
  activityOpen: "org-pairing-activity-open",
  activitySave: "org-pairing-activity-save",
  endOpen: "org-pairing-end-open",
  end: "org-pairing-end",
  list: "org-pairing-list",
} as const;

export interface ContactLine {
  side: "OWN" | "PARTNER";
  name: string;
  phone: string | null;
  duty: string | null;
}

/** A pairing as one organisation sees it: `partner` is the other side, whichever set it up. */
export interface PairingLine {
  id: number;
  /** The other side's name (an organisation in the system or an outside unit). */
  partner: string;
  outside: boolean;
  kind: OrgPairingKind;
  status: OrgPairingStatus;
  startOn: string;
  endOn: string | null;
  purpose: string | null;
  /** Contacts of this side first, then the other's. */
  ours: ContactLine[];
  theirs: ContactLine[];
  lastActivity: string | null;
  activitiesThisQuarter: number;
  /** The viewer may accept or decline it (a proposal to their organisation). */
  canAnswer: boolean;
}

const kindOptions = ORG_PAIRING_KINDS.map((k) => ({ value: k, text: ORG_PAIRING_KIND_LABEL[k] }));

function contactText(cs: ContactLine[]): Text {
  if (cs.length === 0) return t("—", "—");
  const one = (c: ContactLine, open: string, close: string) => `${esc(c.name)}${c.duty ? `${open}${esc(c.duty)}${close}` : ""}${c.phone ? ` ${esc(c.phone)}` : ""}`;
  return { zh: cs.map((c) => one(c, "（", "）")).join("；"), en: cs.map((c) => one(c, " (", ")")).join("; ") };
}

function pairingText(p: PairingLine, today: string): Text {
  const kind = ORG_PAIRING_KIND_LABEL[p.kind];
  const status = ORG_PAIRING_STATUS_LABEL[p.status];
  const from = dateWords(p.startOn, today);
  const last = p.lastActivity ? dateWords(p.lastActivity, today) : null;
  const partner = esc(p.partner);
  const ours = contactText(p.ours);
  const theirs = contactText(p.theirs);
  const purpose = p.purpose ? `\n${esc(clip(p.purpose, 60))}` : "";
  return {
    zh: `**${partner}**（${kind.zh}${p.outside ? "，系统外单位" : ""}）· ${status.zh}\n自 ${from.zh} 起${purpose}\n我方联系人：${ours.zh}\n对方联系人：${theirs.zh}\n上次活动：${last?.zh ?? "暂无"} · 本季度活动 ${p.activitiesThisQuarter} 次`,
    en: `**${partner}** (${kind.en}${p.outside ? ", outside unit" : ""}) · ${status.en}\nsince ${from.en}${purpose}\nour contact: ${ours.en}\ntheir contact: ${theirs.en}\nlast activity: ${last?.en ?? "none yet"} · ${p.activitiesThisQuarter} this quarter`,
  };
}

/** 组织结对: the organisation's live pairings (and recently closed ones), with what can be done to each. */
export function orgPairingListCard(d: { orgId: number; orgName: string; today: string; quarter: Text; pairings: PairingLine[]; closed: PairingLine[]; done?: Text }): Card {
  const rows: Element[] = [];
  for (const p of d.pairings) {
    rows.push(md(pairingText(p, d.today)));
    const buttons: Element[] = [];
    if (p.status === "ACTIVE") {
      buttons.push(button({ text: t("记录活动", "Record activity"), action: ORG_PAIRING_ACTION.activityOpen, value: { pairing: p.id }, type: "primary" }));
      buttons.push(button({ text: t("结束结对", "End pairing"), action: ORG_PAIRING_ACTION.endOpen, value: { pairing: p.id, org: d.orgId }, type: "danger" }));
    }
    if (p.status === "PROPOSED" && p.canAnswer) {
      buttons.push(button({ text: t("同意结对", "Accept"), action: ORG_PAIRING_ACTION.accept, value: { pairing: p.id }, type: "primary" }));
      buttons.push(button({ text: t("不同意", "Decline"), action: ORG_PAIRING_ACTION.decline, value: { pairing: p.id }, type: "danger", confirm: { title: t("不同意结对", "Decline the pairing"), text: { zh: `确定不同意与${p.partner}结对吗？`, en: `Decline the pairing with ${p.partner}?` } } }));
    }
    rows.push(...buttons, hr());
  }
  return card({
    title: t("组织结对", "Organisation pairings"),
    subtitle: { zh: d.orgName, en: d.orgName },
    template: "red",
    elements: [
      ...(d.done ? [md({ zh: `✅ ${d.done.zh}`, en: `✅ ${d.done.en}` })] : []),
      md({ zh: `**进行中和待确认的结对（${d.pairings.length}）** · ${d.quarter.zh}`, en: `**Live pairings (${d.pairings.length})** · ${d.quarter.en}` }),
      ...(rows.length > 0 ? rows : [note(t("暂无组织结对。城乡结对、部门挂钩、组织帮扶都可在这里建立。", "No pairings yet: urban-rural pairings, department links and organisation help are set up here.")), hr()]),
      ...(d.closed.length > 0
        ? [note({ zh: `已结束或未同意：${d.closed.map((p) => `${esc(p.partner)}（${ORG_PAIRING_STATUS_LABEL[p.status].zh}）`).join("、")}`, en: `Closed: ${d.closed.map((p) => `${esc(p.partner)} (${ORG_PAIRING_STATUS_LABEL[p.status].en})`).join(", ")}` })]
        : []),
      button({ text: t("新建结对", "New pairing"), action: ORG_PAIRING_ACTION.newForm, value: { org: d.orgId }, type: "primary_filled" }),
      note(t("同一党委下的组织结对立即生效并告知对方书记；跨党委的结对需对方书记同意。每季度最后一个月仍无共建活动的，双方书记会收到提醒。", "A pairing under the same committee is live at once and the partner's secretaries are told; across committees the partner's secretary must accept. Both secretaries are reminded in a quarter's last month if no joint activity was held.")),
    ],
  });
}

/** The form to set up a pairing (a card of its own: one pairing per submitted form). */
export function orgPairingFormCard(d: { orgId: number; orgName: string; today: string; ownName: string; ownDuty: string }): Card {
  const L = ORG_PAIRING_LIMITS;
  return card({
    title: t("新建组织结对", "New organisation pairing"),
    subtitle: { zh: d.orgName, en: d.orgName },
    template: "red",
    elements: [
      md(t("结对对象二选一：系统内的组织填编码或名称；系统外的单位（机关部门、企业等）填单位名称。", "The partner: an organisation in the system by its code or name, or an outside unit (a department, a company) by its name.")),
      form("org_pairing_form", [
        input({ name: "partnerOrg", label: t("结对组织（系统内，编码或名称）", "Partner organisation (code or name)"), maxLength: 60 }),
        input({ name: "partnerName", label: t("或：系统外单位名称", "Or: an outside unit's name"), maxLength: L.partnerName }),
        select({ name: "kind", placeholder: t("结对类型", "kind"), options: kindOptions, required: true, initial: "URBAN_RURAL" }),
        input({ name: "purpose", label: t("结对目标（可不填）", "Purpose (optional)"), multiline: true, maxLength: L.purpose }),
        datePicker({ name: "startOn", placeholder: t("开始日期", "start date"), required: true, initial: d.today }),
        input({ name: "ownName", label: t("我方联系人", "Our contact"), required: true, maxLength: L.contactName, defaultValue: d.ownName }),
        input({ name: "ownPhone", label: t("我方联系电话（可不填）", "Our contact's phone (optional)"), maxLength: L.phone }),
        input({ name: "ownDuty", label: t("我方联系人职务", "Our contact's duty"), maxLength: L.duty, defaultValue: d.ownDuty }),
        input({ name: "partnerContact", label: t("对方联系人（系统外单位必填；系统内默认对方书记）", "Their contact (required for an outside unit; else their secretary)"), maxLength: L.contactName }),
        input({ name: "partnerPhone", label: t("对方联系电话（可不填）", "Their phone (optional)"), maxLength: L.phone }),
        input({ name: "partnerDuty", label: t("对方联系人职务（可不填）", "Their contact's duty (optional)"), maxLength: L.duty }),
        button({ text: t("建立结对", "Set up pairing"), action: ORG_PAIRING_ACTION.create, value: { org: d.orgId }, type: "primary_filled", name: "submit", submit: true }),
      ]),
    ],
  });
}

export interface PairingSummary {
  id: number;
  orgName: string;
  partner: string;
  outside: boolean;
  kind: OrgPairingKind;
  status: OrgPairingStatus;
  startOn: string;
  purpose: string | null;
}

function summaryText(p: PairingSummary): Text {
  const kind = ORG_PAIRING_KIND_LABEL[p.kind];
  const from = dateWords(p.startOn);
  const purpose = p.purpose ? `\n结对目标：${esc(p.purpose)}` : "";
  const purposeEn = p.purpose ? `\npurpose: ${esc(p.purpose)}` : "";
  return {
    zh: `**${esc(p.orgName)}** ⇄ **${esc(p.partner)}**${p.outside ? "（系统外单位）" : ""}\n${kind.zh} · 自 ${from.zh} 起 · ${ORG_PAIRING_STATUS_LABEL[p.status].zh}${purpose}`,
    en: `**${esc(p.orgName)}** ⇄ **${esc(p.partner)}**${p.outside ? " (outside unit)" : ""}\n${kind.en} · from ${from.en} · ${ORG_PAIRING_STATUS_LABEL[p.status].en}${purposeEn}`,
  };
}

/** What the form card becomes once submitted: the pairing as written. */
export function orgPairingCreatedCard(p: PairingSummary): Card {
  const next: Text =
    p.status === "PROPOSED"
      ? t("已发给对方书记确认，对方同意后生效，结果会通知您。", "Sent to the partner's secretaries; it takes effect when one accepts, and you will be told.")
      : p.outside
        ? t("已生效。请与对方联系人保持联系，共建活动发送「结对活动」登记。", "Live. Keep in touch with their contact and record joint activities with 结对活动.")
        : t("已生效，已告知对方书记。共建活动发送「结对活动」登记。", "Live; the partner's secretaries were told. Record joint activities with 结对活动.");
  return card({ title: t("组织结对已建立", "Pairing set up"), template: "green", elements: [md(summaryText(p)), note(next)] });
}

/** To the partner's secretaries: a pairing under the same committee, live at once. */
export function orgPairingNoticeCard(p: PairingSummary & { proposerName: string }): Card {
  return card({
    title: t("组织结对通知", "A new organisation pairing"),
    template: "red",
    elements: [
      md(summaryText(p)),
      note({ zh: `由${esc(p.orgName)}${esc(p.proposerName)}建立。共建活动发送「结对活动」登记，双方都可登记。`, en: `Set up by ${esc(p.proposerName)} of ${esc(p.orgName)}. Either side records joint activities with 结对活动.` }),
    ],
  });
}

/** To the partner's secretaries across two committees: accept or decline. */
export function orgPairingProposalCard(p: PairingSummary & { proposerName: string }): Card {
  return card({
    title: t("组织结对邀请", "A pairing proposed to you"),
    template: "orange",
    elements: [
      md(summaryText(p)),
      note({ zh: `${esc(p.orgName)}${esc(p.proposerName)}提出与贵组织结对，需贵组织书记同意后生效。`, en: `${esc(p.proposerName)} of ${esc(p.orgName)} proposes this pairing; it takes effect once a secretary of yours accepts.` }),
      button({ text: t("同意结对", "Accept"), action: ORG_PAIRING_ACTION.accept, value: { pairing: p.id }, type: "primary_filled" }),
      button({ text: t("不同意", "Decline"), action: ORG_PAIRING_ACTION.decline, value: { pairing: p.id }, type: "danger", confirm: { title: t("不同意结对", "Decline the pairing"), text: { zh: `确定不同意与${p.orgName}结对吗？`, en: `Decline the pairing with ${p.orgName}?` } } }),
    ],
  });
}

/** The proposal card once answered (by this clicker or another secretary of theirs). */
export function orgPairingAnsweredCard(p: PairingSummary & { answeredBy: string }): Card {
  const accepted = p.status === "ACTIVE";
  return card({
    title: accepted ? t("已同意组织结对", "Pairing accepted") : t("已不同意组织结对", "Pairing declined"),
    template: accepted ? "green" : "grey",
    elements: [md(summaryText(p)), ...(p.answeredBy ? [note({ zh: `由${esc(p.answeredBy)}${accepted ? "同意" : "不同意"}。`, en: `${accepted ? "Accepted" : "Declined"} by ${esc(p.answeredBy)}.` })] : [])],
  });
}

/** To the proposer: the partner answered. */
export function orgPairingAnswerCard(p: PairingSummary & { answeredBy: string; partnerOrgName: string }): Card {
  const accepted = p.status === "ACTIVE";
  return card({
    title: accepted ? t("对方已同意结对", "Your pairing was accepted") : t("对方未同意结对", "Your pairing was declined"),
    template: accepted ? "green" : "grey",
    elements: [
      md(summaryText(p)),
      note(
        accepted
          ? { zh: `${esc(p.partnerOrgName)}${esc(p.answeredBy)}已同意，结对已生效。共建活动发送「结对活动」登记。`, en: `${esc(p.answeredBy)} of ${esc(p.partnerOrgName)} accepted: the pairing is live. Record joint activities with 结对活动.` }
          : { zh: `${esc(p.partnerOrgName)}${esc(p.answeredBy)}未同意此次结对。`, en: `${esc(p.answeredBy)} of ${esc(p.partnerOrgName)} declined the pairing.` },
      ),
    ],
  });
}

export interface ActivityChoice {
  id: number;
  /** "第一党支部 ⇄ 某某局" as the recorder sees it. */
  label: string;
}

/** 结对活动: the form to record one joint activity (one per submitted form). */
export function orgPairingActivityFormCard(d: { today: string; choices: ActivityChoice[]; initial?: number }): Card {
  const L = ORG_PAIRING_LIMITS;
  return card({
    title: t("登记结对共建活动", "Record a joint activity"),
    template: "red",
    elements: [
      form("org_pairing_activity", [
        select({ name: "pairing", placeholder: t("结对", "pairing"), options: d.choices.map((c) => ({ value: String(c.id), text: { zh: c.label, en: c.label } })), required: true, ...(d.initial !== undefined ? { initial: String(d.initial) } : d.choices.length === 1 ? { initial: String(d.choices[0]!.id) } : {}) }),
        datePicker({ name: "heldOn", placeholder: t("活动日期", "date held"), required: true, initial: d.today }),
        input({ name: "content", label: t("活动内容", "What was done"), required: true, multiline: true, maxLength: L.content }),
        input({ name: "participants", label: t("参加人数（可不填）", "Participants (optional)"), maxLength: 7 }),
        button({ text: t("保存", "Save"), action: ORG_PAIRING_ACTION.activitySave, value: {}, type: "primary_filled", name: "submit", submit: true }),
      ]),
      note(t("活动内容加密保存，只有结对双方的书记和党务工作者可见。", "The content is kept sealed; only the secretaries and affairs workers of both sides see it.")),
    ],
  });
}

export interface ActivityFacts {
  recorderOrg: string;
  recorderName: string;
  pairing: string;
  heldOn: string;
  content: string;
  participants: number | null;
}

function activityText(a: ActivityFacts): Text {
  const day = dateWords(a.heldOn);
  const n = a.participants !== null ? { zh: ` · ${a.participants} 人参加`, en: ` · ${a.participants} took part` } : { zh: "", en: "" };
  return {
    zh: `**${esc(a.pairing)}**\n${day.zh}${n.zh} · ${esc(a.recorderOrg)}${esc(a.recorderName)}登记\n${esc(a.content)}`,
    en: `**${esc(a.pairing)}**\n${day.en}${n.en} · recorded by ${esc(a.recorderName)} (${esc(a.recorderOrg)})\n${esc(a.content)}`,
  };
}

/** The form once saved, and the notice to the other side's secretaries. */
export function orgPairingActivityCard(a: ActivityFacts & { notice: boolean }): Card {
  return card({
    title: a.notice ? t("结对共建活动已登记", "A joint activity was recorded") : t("共建活动已保存", "Joint activity saved"),
    template: "green",
    elements: [md(activityText(a))],
  });
}

/** Ending a pairing: its reason, then the button. */
export function orgPairingEndFormCard(d: PairingSummary & { viewerOrg: number }): Card {
  return card({
    title: t("结束组织结对", "End a pairing"),
    template: "orange",
    elements: [
      md(summaryText(d)),
      form("org_pairing_end", [
        input({ name: "reason", label: t("结束原因", "Why it ends"), required: true, multiline: true, maxLength: ORG_PAIRING_LIMITS.reason }),
        button({ text: t("结束结对", "End pairing"), action: ORG_PAIRING_ACTION.end, value: { pairing: d.id, org: d.viewerOrg }, type: "danger", name: "submit", submit: true }),
      ]),
      button({ text: t("返回", "Back"), action: ORG_PAIRING_ACTION.list, value: { org: d.viewerOrg } }),
    ],
  });
}

/** To the other side's secretaries: the pairing ended, and why. */
export function orgPairingEndedCard(p: PairingSummary & { endedBy: string; endedOrg: string; reason: string; endOn: string }): Card {
  return card({
    title: t("组织结对已结束", "A pairing ended"),
    template: "grey",
    elements: [
      md(summaryText(p)),
      note({ zh: `${esc(p.endedOrg)}${esc(p.endedBy)}于 ${dateWords(p.endOn).zh} 结束了结对。原因：${esc(p.reason)}`, en: `${esc(p.endedBy)} of ${esc(p.endedOrg)} ended it on ${dateWords(p.endOn).en}. Reason: ${esc(p.reason)}` }),
    ],
  });
}

/** The quarterly reminder: no joint activity yet this quarter. */
export function orgPairingReminderCard(d: { pairingId: number; name: string; ownOrg: string; partner: string; kind: OrgPairingKind; quarter: Text; quarterEnd: string; lastActivity: string | null }): Card {
  const last = d.lastActivity ? dateWords(d.lastActivity) : null;
  return card({
    title: t("结对共建提醒", "Pairing: no joint activity yet"),
    template: "orange",
    elements: [
      md({
        zh: `${esc(d.name)}同志，${esc(d.ownOrg)}与**${esc(d.partner)}**的${ORG_PAIRING_KIND_LABEL[d.kind].zh}${d.quarter.zh}还没有登记共建活动（上次：${last?.zh ?? "暂无"}）。请在 ${dateWords(d.quarterEnd).zh} 前开展并登记。`,
        en: `${esc(d.name)}, the ${ORG_PAIRING_KIND_LABEL[d.kind].en} of ${esc(d.ownOrg)} with **${esc(d.partner)}** has no joint activity recorded in ${d.quarter.en} (last: ${last?.en ?? "none"}). Please hold and record one by ${dateWords(d.quarterEnd).en}.`,
      }),
      button({ text: t("登记活动", "Record activity"), action: ORG_PAIRING_ACTION.activityOpen, value: { pairing: d.pairingId }, type: "primary" }),
    ],
  });
}
