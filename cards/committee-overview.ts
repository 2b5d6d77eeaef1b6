// The committee's view (党委总览): a row of figures per branch below the committee with a button
// to drill down, a total, and pages of 20 branches so a committee of a hundred stays under Lark's
// 30 KB; the drill-down card of one branch; the weekly digest of what is overdue where. Figures
// and counts only: no member's name, no note, no hardship detail is drawn on these cards.
import { dateWords } from "../src/domain/date-words.ts";
import { SOURCE_LABEL } from "../src/domain/aid-rules.ts";
import {
  activeEntries,
  allClear,
  type BranchFigures,
  type BranchOverdue,
  type CommitteeDigest,
  type CommitteeOverview,
  OVERDUE_TOPICS,
  type OverdueTopic,
  pageOf,
  percentOf,
  requestsFiled,
  SOURCES,
  sumSources,
  visitsDone,
} from "../src/domain/committee-figures.ts";
import { BUILTIN_FESTIVALS } from "../src/domain/festivals.ts";
import { yuanText } from "../src/domain/money.ts";
import { parseQuarter, quarterName } from "../src/domain/quarter.ts";
import { commandButton } from "./help.ts";
import { button, card, columns, hr, md, note, t, type Card, type Element, type Text } from "./kit.ts";
import { joinLines, rowWithButton } from "./talk-parts.ts";
import { esc } from "./visit-text.ts";

export const COMMITTEE_BRANCH_ACTION = "committee.branch";
export const COMMITTEE_PAGE_ACTION = "committee.overview";
/** Branches listed by name in the digest; the rest are counted. */
const DIGEST_MAX_BRANCHES = 40;

const periodName = (label: string): Text => {
  const q = parseQuarter(label);
  return q ? quarterName(q) : t(label, label);
};

/** 春节, 七一 …; 六必访 for event visits; a branch's own festival by its code. */
function festivalLabel(code: string): Text {
  if (code === "EVENT") return t("六必访", "event visits");
  const f = (BUILTIN_FESTIVALS as Record<string, { name: Text } | undefined>)[code];
  return f ? f.name : t(code, code);
}

const FESTIVAL_ORDER = ["SPRING_FESTIVAL", "JULY_FIRST", "ARMY_DAY", "MID_AUTUMN", "DOUBLE_NINTH"];
const festivalsOf = (f: BranchFigures) =>
  Object.keys(f.visits).sort((a, b) => (FESTIVAL_ORDER.indexOf(a) + 1 || 99) - (FESTIVAL_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));

const join = (parts: Text[], zh = "，", en = ", "): Text => ({ zh: parts.map((p) => p.zh).join(zh), en: parts.map((p) => p.en).join(en) });
const money = (fen: Record<(typeof SOURCES)[number], number>): Text => {
  const parts = SOURCES.map((s) => ({ zh: `${SOURCE_LABEL[s].zh} ${yuanText(fen[s]).zh}`, en: `${SOURCE_LABEL[s].en} ${yuanText(fen[s]).en}` }));
  const total = yuanText(sumSources(fen));
  return { zh: `${join(parts).zh}；合计 ${total.zh}`, en: `${join(parts).en}; total ${total.en}` };
};

/** The figures of one branch (or the total) in full, a line per topic. */
export function figureLines(f: BranchFigures, year: number): Text[] {
  const c = f.talks;
  const pct = percentOf(c.current, c.members);
  const visits = festivalsOf(f).map((code) => {
    const v = f.visits[code]!;
    const name = festivalLabel(code);
    return { zh: `${name.zh} ${v.done}/${v.planned}`, en: `${name.en} ${v.done}/${v.planned}` };
  });
  const r = f.aid.requests;
  const trainedPct = percentOf(f.training.trained, f.training.members);
  return [
    {
      zh: `**谈心谈话**：按期 ${c.current}/${c.members} 人（${pct}%），逾期未谈 ${c.late} 人，未分配联系人 ${c.unassigned} 人；本期谈话 ${c.held} 次、涉及 ${c.talkedMembers} 人；党员之间谈心 ${c.peerTalks} 次`,
      en: `**Talks**: ${c.current}/${c.members} up to date (${pct}%), ${c.late} overdue, ${c.unassigned} without a leader; ${c.held} talks with ${c.talkedMembers} members this period; ${c.peerTalks} talks between members`,
    },
    visits.length > 0
      ? { zh: `**走访慰问（${year}年，完成/计划）**：${join(visits, "，").zh}`, en: `**Visits in ${year} (done/planned)**: ${join(visits).en}` }
      : { zh: `**走访慰问（${year}年）**：暂无走访任务`, en: `**Visits in ${year}**: none planned` },
    {
      zh: `**困难党员档案**：在档 ${activeEntries(f)} 户（特别困难 ${f.archive.active.SPECIAL}、较重 ${f.archive.active.SERIOUS}、一般 ${f.archive.active.GENERAL}），复核逾期 ${f.archive.reviewsOverdue} 份`,
      en: `**Hardship archive**: ${activeEntries(f)} active (special ${f.archive.active.SPECIAL}, serious ${f.archive.active.SERIOUS}, general ${f.archive.active.GENERAL}), ${f.archive.reviewsOverdue} reviews overdue`,
    },
    {
      zh: `**本期求助**：${requestsFiled(f)} 件（待审批 ${r.PENDING}、待补充 ${r.NEEDS_INFO}、已批准 ${r.APPROVED}、未批准 ${r.REJECTED}、已撤回 ${r.CANCELLED}、已冲正 ${r.REVERSED}）`,
      en: `**Aid requests this period**: ${requestsFiled(f)} (pending ${r.PENDING}, needs info ${r.NEEDS_INFO}, approved ${r.APPROVED}, declined ${r.REJECTED}, withdrawn ${r.CANCELLED}, reversed ${r.REVERSED})`,
    },
    { zh: `**${year}年帮扶支出**：${money(f.aid.paidFen).zh}`, en: `**Aid paid in ${year}**: ${money(f.aid.paidFen).en}` },
    { zh: `**资金余额**：${money(f.aid.balanceFen).zh}`, en: `**Fund balances**: ${money(f.aid.balanceFen).en}` },
    {
      zh: `**培训**：本期 ${f.training.sessions} 次；${year}年党员参训 ${f.training.trained}/${f.training.members} 人（${trainedPct}%）`,
      en: `**Training**: ${f.training.sessions} sessions this period; ${f.training.trained}/${f.training.members} members trained in ${year} (${trainedPct}%)`,
    },
    { zh: `**就业帮扶**：在帮 ${f.employment.open} 人，本期实现就业 ${f.employment.employedInPeriod} 人`, en: `**Employment help**: ${f.employment.open} open, ${f.employment.employedInPeriod} employed this period` },
    {
      zh: `**意见建议**待答复 ${f.suggestionsOpen} 条 · **组织结对** ${f.pairingsActive} 个 · **上报待办** ${f.escalationsOpen} 件`,
      en: `**Suggestions** open ${f.suggestionsOpen} · **Org pairings** ${f.pairingsActive} · **Escalations** open ${f.escalationsOpen}`,
    },
  ];
}

/** One branch in one line of the overview. */
function branchRow(f: BranchFigures): Text {
  const pct = percentOf(f.talks.current, f.talks.members);
  const v = visitsDone(f);
  const paid = yuanText(sumSources(f.aid.paidFen));
  const trained = percentOf(f.training.trained, f.training.members);
  return {
    zh: `**${esc(f.orgName)}**\n谈心 ${f.talks.current}/${f.talks.members}（${pct}%）· 走访 ${v.done}/${v.planned} · 困难 ${activeEntries(f)} 户（复核逾期 ${f.archive.reviewsOverdue}）· 求助 ${requestsFiled(f)} 件 · 支出 ${paid.zh} · 培训 ${trained}% · 就业在帮 ${f.employment.open} · 互谈 ${f.talks.peerTalks} · 意见 ${f.suggestionsOpen} · 结对 ${f.pairingsActive} · 上报 ${f.escalationsOpen}`,
    en: `**${esc(f.orgName)}**\ntalks ${f.talks.current}/${f.talks.members} (${pct}%) · visits ${v.done}/${v.planned} · hardship ${activeEntries(f)} (${f.archive.reviewsOverdue} reviews late) · aid ${requestsFiled(f)} · paid ${paid.en} · trained ${trained}% · job seekers ${f.employment.open} · peer talks ${f.talks.peerTalks} · suggestions ${f.suggestionsOpen} · pairings ${f.pairingsActive} · escalations ${f.escalationsOpen}`,
  };
}

export function committeeOverviewCard(o: CommitteeOverview, opts: { page?: number } = {}): Card {
  const name = periodName(o.period.label);
  const shown = pageOf(o.branches, opts.page ?? 1);
  const asOf = dateWords(o.asOf);
  const elements: Element[] = [
    md({
      zh: `${esc(o.committee.name)} · 下辖 ${o.branches.length} 个党支部 · 截至 ${asOf.zh}`,
      en: `${esc(o.committee.name)} · ${o.branches.length} branches · as of ${asOf.en}`,
    }),
    md(joinLines([t("**合计**", "**Total**"), ...figureLines(o.total, o.year)])),
    hr(),
  ];
  if (o.branches.length === 0) elements.push(md(t("下面还没有党支部。", "No branches below yet.")));
  for (const f of shown.items) {
    elements.push(rowWithButton(branchRow(f), { text: t("查看", "View"), action: COMMITTEE_BRANCH_ACTION, value: { b: f.orgId, c: o.committee.id, p: o.period.label } }));
  }
  if (shown.pages > 1) {
    const nav = (page: number, text: Text) => button({ text, action: COMMITTEE_PAGE_ACTION, value: { c: o.committee.id, p: o.period.label, n: page } });
    elements.push(
      md({ zh: `第 ${shown.page}/${shown.pages} 页（每页 ${shown.items.length} 个支部）`, en: `Page ${shown.page} of ${shown.pages}` }),
      columns(
        [
          shown.page > 1 ? [nav(shown.page - 1, t("上一页", "Previous"))] : [],
          shown.page < shown.pages ? [nav(shown.page + 1, t("下一页", "Next"))] : [],
        ],
        { flex: "bisect" },
      ),
    );
  }
  elements.push(
    note({
      zh: `谈心为按期人数/应谈人数；走访为${o.year}年完成/计划；支出为${o.year}年累计。只显示数字，不含党员姓名和具体情况；个别事项须支部上报后查看。发送「党委总览 2027Q1」查看其他季度。`,
      en: `Talks: up to date/owed; visits: done/planned in ${o.year}; paid: ${o.year} so far. Figures only, no names or details; an individual item is seen once the branch escalates it. Send “党委总览 2027Q1” for another quarter.`,
    }),
  );
  return card({ title: { zh: `党委总览 · ${name.zh}`, en: `Committee overview · ${name.en}` }, template: "indigo", elements });
}

/** The drill-down: one branch's figures in full, with the way back to the overview. */
export function committeeBranchCard(d: { committee: { id: number; name: string }; period: { label: string }; asOf: string; year: number; branch: BranchFigures }): Card {
  const name = periodName(d.period.label);
  const asOf = dateWords(d.asOf);
  return card({
    title: { zh: `${d.branch.orgName} · ${name.zh}`, en: `${d.branch.orgName} · ${name.en}` },
    subtitle: { zh: `${d.committee.name} · 截至 ${asOf.zh}`, en: `${d.committee.name} · as of ${asOf.en}` },
    template: "indigo",
    elements: [
      md(joinLines(figureLines(d.branch, d.year))),
      button({ text: t("返回总览", "Back to the overview"), action: COMMITTEE_PAGE_ACTION, value: { c: d.committee.id, p: d.period.label, n: 1 } }),
      note(t("只显示数字，不含党员姓名和具体情况。", "Figures only: no names or details.")),
    ],
  });
}

const TOPIC_WORDS: Record<OverdueTopic, (n: number) => Text> = {
  talks: (n) => t(`谈心逾期 ${n} 人`, `${n} talks overdue`),
  visits: (n) => t(`走访逾期 ${n} 项`, `${n} visits overdue`),
  aid: (n) => t(`求助待审超过 2 个工作日 ${n} 件`, `${n} aid requests waiting 2+ working days`),
  reviews: (n) => t(`困难档案复核逾期 ${n} 份`, `${n} hardship reviews overdue`),
  suggestions: (n) => t(`意见建议超过 5 个工作日未答复 ${n} 条`, `${n} suggestions unanswered 5+ working days`),
  pairings: (n) => t(`组织结对本季度无共建活动 ${n} 个`, `${n} org pairings with no joint activity this quarter`),
  escalations: (n) => t(`上报党委待办 ${n} 件`, `${n} escalations open`),
};

const overdueText = (counts: Record<OverdueTopic, number>): Text => join(OVERDUE_TOPICS.filter((k) => counts[k] > 0).map((k) => TOPIC_WORDS[k](counts[k])), "，", "; ");

function digestRow(b: BranchOverdue): Text {
  const what = overdueText(b);
  return { zh: `· **${esc(b.orgName)}**：${what.zh}`, en: `· **${esc(b.orgName)}**: ${what.en}` };
}

/** The weekly digest to a committee's secretaries: what is overdue where, counts only. */
export function committeeDigestCard(d: CommitteeDigest): Card {
  const title = { zh: `各支部逾期事项周报 · ${d.committee.name}`, en: `Overdue this week · ${d.committee.name}` };
  const day = dateWords(d.today);
  const elements: Element[] = [];
  if (allClear(d)) {
    elements.push(md({ zh: `截至 ${day.zh}，下辖 ${d.clear} 个党支部都没有逾期事项。`, en: `As of ${day.en}, nothing is overdue in any of the ${d.clear} branches.` }));
  } else {
    const total = overdueText(d.totals);
    elements.push(md({ zh: `截至 ${day.zh}，合计：${total.zh}。`, en: `As of ${day.en}, in all: ${total.en}.` }));
    const rows = d.late.slice(0, DIGEST_MAX_BRANCHES).map(digestRow);
    if (d.late.length > DIGEST_MAX_BRANCHES) rows.push(t(`……另有 ${d.late.length - DIGEST_MAX_BRANCHES} 个支部有逾期事项`, `… and ${d.late.length - DIGEST_MAX_BRANCHES} more branches with overdue items`));
    elements.push(hr(), md(joinLines(rows)));
    if (d.clear > 0) elements.push(md({ zh: `其余 ${d.clear} 个党支部没有逾期事项。`, en: `The other ${d.clear} branches have nothing overdue.` }));
    const fromElsewhere = d.escalationsToCommittee - d.late.reduce((n, b) => n + b.escalations, 0);
    if (fromElsewhere > 0) elements.push(md({ zh: `另有 ${fromElsewhere} 件上报来自党总支等其他组织。`, en: `${fromElsewhere} more escalations come from other organisations (general branches).` }));
  }
  elements.push(commandButton("党委总览", "primary"), note(t("每周第一个工作日发送，只含数字。发送「党委总览」查看各支部详情。", "Sent on the first working day of each week, figures only. Send “党委总览” for each branch's figures.")));
  return card({ title, subtitle: t(d.week, d.week), template: allClear(d) ? "green" : "orange", elements });
}
