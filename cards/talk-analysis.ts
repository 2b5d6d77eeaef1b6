// The branch analysis (定期分析) card: talk coverage, overdue talks, concerns by area, open
// follow-ups, urgent talks, the hardship archive by state and aid paid by source this year.
import { dateWords } from "../src/domain/date-words.ts";
import { SOURCE_LABEL } from "../src/domain/aid-rules.ts";
import { coveragePercent, totalActive, type BranchAnalysis } from "../src/domain/branch-analysis.ts";
import { yuanText } from "../src/domain/money.ts";
import { parseQuarter, quarterName } from "../src/domain/quarter.ts";
import { mdLines } from "./aid-common.ts";
import { card, hr, md, note, t, type Card, type Element, type Text } from "./kit.ts";
import { joinLines } from "./talk-parts.ts";
import { workAnalysisElements } from "./work-analysis.ts";

const MAX_NAMES = 15;

export function talkAnalysisCard(a: BranchAnalysis, opts: { orgCode: string }): Card {
  const q = parseQuarter(a.period.label);
  const name = q ? quarterName(q) : { zh: a.period.label, en: a.period.label };
  const pct = coveragePercent(a.current, a.members);
  const paid = (["LOCAL_FINANCE", "PARTY_FEE", "DONATION"] as const).map((s) => ({
    zh: `${SOURCE_LABEL[s].zh} ${yuanText(a.aidPaid.bySource[s]).zh}`,
    en: `${SOURCE_LABEL[s].en} ${yuanText(a.aidPaid.bySource[s]).en}`,
  }));
  const lines: Text[] = [
    {
      zh: `**谈心谈话覆盖**：${pct}%（党员 ${a.members} 人，按期 ${a.current} 人，逾期未谈 ${a.overdue.length} 人，未分配联系人 ${a.unassigned} 人）`,
      en: `**Talk coverage**: ${pct}% (${a.members} members, ${a.current} up to date, ${a.overdue.length} overdue, ${a.unassigned} without a leader)`,
    },
    {
      zh: `**本期谈话**：${a.talks.count} 次，涉及 ${a.talks.members} 人（面谈 ${a.talks.byForm.IN_PERSON}、电话 ${a.talks.byForm.PHONE}、视频 ${a.talks.byForm.VIDEO}）`,
      en: `**Talks this period**: ${a.talks.count} with ${a.talks.members} members (in person ${a.talks.byForm.IN_PERSON}, phone ${a.talks.byForm.PHONE}, video ${a.talks.byForm.VIDEO})`,
    },
    {
      zh: `**反映的问题**：思想 ${a.concerns.THINKING} 次、工作 ${a.concerns.WORK} 次、生活 ${a.concerns.LIFE} 次`,
      en: `**Concerns raised**: thinking ${a.concerns.THINKING}, work ${a.concerns.WORK}, life ${a.concerns.LIFE}`,
    },
    {
      zh: `**跟进事项**：未完成 ${a.followUps.open} 项（逾期 ${a.followUps.overdue} 项），本期完成 ${a.followUps.doneInPeriod} 项`,
      en: `**Follow-ups**: ${a.followUps.open} open (${a.followUps.overdue} overdue), ${a.followUps.doneInPeriod} done this period`,
    },
    {
      zh: `**紧急谈心**：本期新增 ${a.urgent.opened} 项、完成 ${a.urgent.done} 项，在办 ${a.urgent.open} 项`,
      en: `**Urgent talks**: ${a.urgent.opened} opened, ${a.urgent.done} done this period, ${a.urgent.open} open`,
    },
    {
      zh: `**困难党员档案**：在档 ${totalActive(a.archive)} 人（特别困难 ${a.archive.active.SPECIAL}、较重 ${a.archive.active.SERIOUS}、一般 ${a.archive.active.GENERAL}），复核逾期 ${a.archive.reviewsOverdue} 份；已解困 ${a.archive.resolved} 人（本期 ${a.archive.resolvedInPeriod} 人）`,
      en: `**Hardship archive**: ${totalActive(a.archive)} active (special ${a.archive.active.SPECIAL}, serious ${a.archive.active.SERIOUS}, general ${a.archive.active.GENERAL}), ${a.archive.reviewsOverdue} reviews overdue; ${a.archive.resolved} resolved (${a.archive.resolvedInPeriod} this period)`,
    },
    {
      zh: `**帮扶资金（${a.aidPaid.year}年累计支出）**：${paid.map((p) => p.zh).join("，")}；合计 ${yuanText(a.aidPaid.totalFen).zh}`,
      en: `**Aid paid in ${a.aidPaid.year}**: ${paid.map((p) => p.en).join(", ")}; total ${yuanText(a.aidPaid.totalFen).en}`,
    },
  ];
  if (a.peerTalks) {
    lines.push({ zh: `**党员互相谈心**：本期记录 ${a.peerTalks.count} 次，参与党员 ${a.peerTalks.members} 人`, en: `**Talks between members**: ${a.peerTalks.count} recorded this period, ${a.peerTalks.members} members took part` });
  }
  if (a.suggestions) {
    const s = a.suggestions;
    lines.push({
      zh: `**意见建议**：本期收到 ${s.received} 条（匿名 ${s.anonymous} 条），答复 ${s.answered} 条，待答复 ${s.open} 条`,
      en: `**Suggestions**: ${s.received} received this period (${s.anonymous} anonymous), ${s.answered} answered, ${s.open} open`,
    });
  }
  const elements: Element[] = [md({ zh: `${a.orgName} · 截至 ${dateWords(a.asOf).zh}`, en: `${a.orgName} · as of ${dateWords(a.asOf).en}` }), mdLines(lines)];
  if (a.overdue.length > 0) {
    const shown = a.overdue.slice(0, MAX_NAMES).map((o) => ({
      zh: `· ${o.memberName}（联系人：${o.leaderName ?? "未分配"}，逾期 ${o.daysLate} 天）`,
      en: `· ${o.memberName} (${o.leaderName ?? "unassigned"}, ${o.daysLate} days overdue)`,
    }));
    if (a.overdue.length > MAX_NAMES) shown.push(t(`……另有 ${a.overdue.length - MAX_NAMES} 人`, `… and ${a.overdue.length - MAX_NAMES} more`));
    elements.push(hr(), md(t("**逾期未谈心的党员**", "**Members overdue a talk**")), md(joinLines(shown)));
  }
  elements.push(...workAnalysisElements(a.work));
  elements.push(
    note({
      zh: `发送「分析 2027Q1」查看其他季度。导出台账：npm run report -- --branch ${opts.orgCode} --quarter ${a.period.label}`,
      en: `Send “分析 2027Q1” for another quarter. Ledger: npm run report -- --branch ${opts.orgCode} --quarter ${a.period.label}`,
    }),
  );
  return card({ title: { zh: `支部定期分析 · ${name.zh}`, en: `Branch analysis · ${name.en}` }, template: "indigo", elements });
}
