// 结对: the secretary's card with the branch's active pairings (each can be ended) and a form to
// add one; and the notice a new helper gets.
import { agoWords, dateWords } from "../src/domain/date-words.ts";
import { button, card, columns, datePicker, form, hr, input, md, note, select, t, type Card, type Element, type Text } from "./kit.ts";
import { esc, VISIT_ACTION } from "./visit-text.ts";

const HELPER_KIND_OPTIONS: { value: string; text: Text }[] = [
  { value: "LEADER", text: t("领导干部联系", "leader contact") },
  { value: "MEMBER", text: t("党员结对", "member pairing") },
  { value: "DEPARTMENT", text: t("部门挂钩", "department link") },
];

export interface PairingRow {
  id: number;
  memberName: string;
  kind: Text;
  helper: string;
  startOn: string;
  endOn: string | null;
  lastContact: string | null;
}

export interface PairingCardData {
  orgId: number;
  orgName: string;
  today: string;
  pairings: PairingRow[];
  total: number;
  /** Set after a change: what just happened. */
  done?: Text;
}

export function pairingCard(d: PairingCardData): Card {
  const span = (p: PairingRow): Text => {
    const from = dateWords(p.startOn, d.today);
    const to = p.endOn ? dateWords(p.endOn, d.today) : null;
    return { zh: `${from.zh} 至 ${to?.zh ?? "长期"}`, en: `${from.en} to ${to?.en ?? "open-ended"}` };
  };
  const last = (p: PairingRow): Text | null => (p.lastContact ? agoWords(p.lastContact, d.today) : null);
  const rows: Element[] = d.pairings.map((p) =>
    columns([
      [
        md({
          zh: `**${esc(p.memberName)}** ← ${esc(p.helper)}（${p.kind.zh}）\n${span(p).zh} · ${last(p) ? `上次联系 ${last(p)!.zh}` : "尚无联系记录"}`,
          en: `**${esc(p.memberName)}** ← ${esc(p.helper)} (${p.kind.en})\n${span(p).en} · ${last(p) ? `last contact ${last(p)!.en}` : "no contact logged"}`,
        }),
      ],
      [
        button({
          text: t("结束结对", "End pairing"),
          action: VISIT_ACTION.pairingEnd,
          value: { pairing: p.id },
          type: "danger",
          confirm: { title: t("结束结对", "End pairing"), text: { zh: `确定结束${p.memberName}的结对帮扶吗？记录会保留。`, en: `End the pairing for ${p.memberName}? Its history is kept.` } },
        }),
      ],
    ]),
  );
  return card({
    title: t("结对帮扶", "Pairing"),
    subtitle: { zh: d.orgName, en: d.orgName },
    template: "red",
    elements: [
      ...(d.done ? [md({ zh: `✅ ${d.done.zh}`, en: `✅ ${d.done.en}` })] : []),
      md({ zh: `**进行中的结对（${d.total}）**`, en: `**Active pairings (${d.total})**` }),
      ...(rows.length > 0 ? rows : [note(t("暂无进行中的结对。", "No active pairings."))]),
      ...(d.total > d.pairings.length ? [note({ zh: `另有 ${d.total - d.pairings.length} 项未列出。`, en: `${d.total - d.pairings.length} more not shown.` })] : []),
      hr(),
      md(t("**新增结对**", "**New pairing**")),
      form("pairing_form", [
        input({ name: "member", label: t("被帮扶党员（姓名或手机号）", "Member helped (name or mobile)"), required: true, maxLength: 40 }),
        select({ name: "kind", placeholder: t("结对方式", "kind"), options: HELPER_KIND_OPTIONS, required: true, initial: "LEADER" }),
        input({ name: "helper", label: t("帮扶人（姓名或手机号；部门挂钩填联系人）", "Helper (name or mobile; a department's contact person)"), maxLength: 40 }),
        input({ name: "department", label: t("挂钩部门（部门挂钩时填写）", "Department (for a department link)"), maxLength: 60 }),
        datePicker({ name: "startOn", placeholder: t("开始日期", "start date"), required: true, initial: d.today }),
        datePicker({ name: "endOn", placeholder: t("结束日期（可不填）", "end date (optional)") }),
        button({ text: t("建立结对", "Create pairing"), action: VISIT_ACTION.pairingCreate, value: { org: d.orgId }, type: "primary_filled", name: "submit", submit: true }),
      ]),
      note(t("帮扶人每月会收到联系提醒；结对党员的节日走访优先由帮扶人承担。", "Helpers get a monthly contact reminder and make the member's festival visits.")),
    ],
  });
}

export function pairingNoticeCard(d: { helperName: string; memberName: string; orgName: string; kind: Text; startOn: string; endOn: string | null; memberId: number; pairingId: number; today?: string }): Card {
  const from = dateWords(d.startOn, d.today);
  const to = d.endOn ? dateWords(d.endOn, d.today) : null;
  return card({
    title: t("结对帮扶安排", "You have been paired"),
    template: "red",
    elements: [
      md({
        zh: `${d.helperName}同志，支部安排您（${d.kind.zh}）帮扶${esc(d.orgName)}党员**${esc(d.memberName)}**，自 ${from.zh} 至 ${to?.zh ?? "长期"}。请每月至少联系一次，并登记联系情况。`,
        en: `${d.helperName}, you are to help **${esc(d.memberName)}** (${esc(d.orgName)}, ${d.kind.en}) from ${from.en} to ${to?.en ?? "further notice"}. Please keep in touch at least monthly and log each contact.`,
      }),
      button({ text: t("记录联系", "Log contact"), action: VISIT_ACTION.contactOpen, value: { member: d.memberId, kind: "PAIRING", pairing: d.pairingId }, type: "primary" }),
    ],
  });
}

export function pairingEndedLine(d: { memberName: string; helper: string }): Text {
  return { zh: `已结束${d.memberName}与${d.helper}的结对，记录已保留。`, en: `Ended the pairing of ${d.memberName} with ${d.helper}; its history is kept.` };
}

