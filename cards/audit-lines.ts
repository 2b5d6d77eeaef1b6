// Who read or changed a member's records, from the audit: the member's own list (谁看过我的档案)
// and the secretary's (查阅记录 张三), newest first, a page at a time. Each line is already in
// words (src/domain/audit-words.ts); the card only lays them out for a phone.
import { button, card, columns, md, note, t, type Card, type Element, type Text } from "./kit.ts";

export interface AuditLineView {
  /** "2026-12-03 09:30", in the branch's zone. */
  when: string;
  /** "王建国（支部书记）", or "同心系统（定时提醒）". */
  who: Text;
  /** "查看了您的困难档案". */
  what: Text;
}

/** Where the next page starts (the last line shown): its id and its instant in ms. */
export interface PageCursor {
  c: number;
  t: number;
}

export interface AuditPage {
  lines: AuditLineView[];
  /** The first page covers this many days back; null on a later page (any age). */
  windowDays: number | null;
  /** The next (older) page, when there is one. */
  more: PageCursor | null;
}

const line = (l: AuditLineView): Text => ({ zh: `· ${l.when} ${l.who.zh}${l.what.zh}`, en: `· ${l.when} ${l.who.en} ${l.what.en}` });
const joined = (xs: Text[]): Text => ({ zh: xs.map((x) => x.zh).join("\n"), en: xs.map((x) => x.en).join("\n") });

function span(p: AuditPage): Text {
  return p.windowDays !== null ? t(`近 ${p.windowDays} 天 · 最新在前`, `Last ${p.windowDays} days · newest first`) : t("更早的记录 · 最新在前", "Earlier · newest first");
}

function linesOrNone(p: AuditPage, none: Text): Element {
  return md(p.lines.length > 0 ? joined(p.lines.map(line)) : none);
}

/** 谁看过我的档案: what others did with the reader's records. */
export function auditMineCard(p: AuditPage): Card {
  const none = p.windowDays !== null ? t(`近 ${p.windowDays} 天内，没有他人查看或修改您的记录。`, `Nobody else viewed or changed your records in the last ${p.windowDays} days.`) : t("没有更早的记录了。", "Nothing earlier.");
  const nav: Element[] = [
    ...(p.more ? [button({ text: t("更早的记录", "Earlier"), action: "audit-mine", value: { c: p.more.c, t: p.more.t }, type: "primary" })] : []),
    ...(p.windowDays === null ? [button({ text: t("回到最新", "Back to newest"), action: "audit-mine" })] : []),
  ];
  return card({
    title: t("谁看过我的档案", "Who has read my records"),
    subtitle: span(p),
    template: "blue",
    elements: [
      linesOrNone(p, none),
      ...(nav.length > 0 ? [columns(nav.map((b) => [b]), { flex: "none" })] : []),
      note(
        t(
          "这里列出他人查看或修改您的困难档案、求助、谈心、走访等记录的情况，您本人的操作不列出。如有疑问，可以问支部书记。",
          "Everyone else who viewed or changed your hardship file, requests, talks, visits and other records; your own actions are not listed. Ask your branch secretary about anything here.",
        ),
      ),
    ],
  });
}

export type AuditFilter = "all" | "view" | "change";

const FILTER_WORDS: Record<AuditFilter, Text> = {
  all: { zh: "全部", en: "All" },
  view: { zh: "查看", en: "Views" },
  change: { zh: "修改", en: "Changes" },
};

export interface AuditOfMember extends AuditPage {
  memberId: number;
  member: string;
  branch: string;
  filter: AuditFilter;
  /** The spreadsheet just made, when the secretary asked for one. */
  exported?: { fileName: string; count: number; sent: boolean } | null;
}

/** 查阅记录 张三: the secretary's view of who read or changed a member's records, filterable, with an export. */
export function auditOfMemberCard(d: AuditOfMember): Card {
  const did = { all: t("查看或修改", "viewed or changed"), view: t("查看", "viewed"), change: t("修改", "changed") }[d.filter];
  const none = t(`${d.windowDays !== null ? `近 ${d.windowDays} 天内` : "更早"}没有人${did.zh}${d.member}的记录。`, `Nobody ${did.en} ${d.member}'s records${d.windowDays !== null ? ` in the last ${d.windowDays} days` : " earlier"}.`);
  const filters = (Object.keys(FILTER_WORDS) as AuditFilter[]).map((k) => button({ text: FILTER_WORDS[k], action: "audit-read", value: { p: d.memberId, k }, type: k === d.filter ? "primary" : "default" }));
  const nav: Element[] = [
    ...(d.more ? [button({ text: t("更早的记录", "Earlier"), action: "audit-read", value: { p: d.memberId, k: d.filter, c: d.more.c, t: d.more.t } })] : []),
    button({ text: t("导出表格", "Export"), action: "audit-export", value: { p: d.memberId, k: d.filter } }),
  ];
  const exported = d.exported
    ? [
        note(
          d.exported.sent
            ? t(`已生成表格「${d.exported.fileName}」（${d.exported.count} 条），稍后在本会话中发送给您。`, `Made "${d.exported.fileName}" (${d.exported.count} lines); it will arrive in this chat shortly.`)
            : t(`已生成表格「${d.exported.fileName}」（${d.exported.count} 条）。`, `Made "${d.exported.fileName}" (${d.exported.count} lines).`),
        ),
      ]
    : [];
  return card({
    title: t(`查阅记录 · ${d.member}`, `Record access · ${d.member}`),
    subtitle: { zh: `${d.branch} · ${span(d).zh}`, en: `${d.branch} · ${span(d).en}` },
    template: "indigo",
    elements: [
      columns(filters.map((b) => [b]), { flex: "none" }),
      linesOrNone(d, none),
      columns(nav.map((b) => [b]), { flex: "none" }),
      ...exported,
      note(t(`您的这次查阅也会记入${d.member}的查阅记录，本人可以看到。`, `Your lookup is recorded too, and ${d.member} can see it.`)),
    ],
  });
}
