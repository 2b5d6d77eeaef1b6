// The year-end report (年度报告) in chat: the summary card a secretary gets with the file, and
// the December reminder that it can be produced now. Figures only: no member is named.
import { FUND_SOURCES, SOURCE_LABEL } from "../src/domain/aid-rules.ts";
import { dateWords } from "../src/domain/date-words.ts";
import { yuanText } from "../src/domain/money.ts";
import { fundAgrees, netIncome, netPaid, sharePercent, type YearFigures, type YearReport } from "../src/domain/year-report.ts";
import { mdLines } from "./aid-common.ts";
import { RUN_COMMAND_ACTION } from "./help.ts";
import { button, card, hr, md, note, t, table, type Card, type Element, type Text } from "./kit.ts";

/** The command the reminder's button runs (the year-report area's command word). */
export const YEAR_REPORT_COMMAND = "年度报告";

/** A card stays well under Lark's size limit: a committee's further branches are in the file. */
const MAX_PARTS = 30;

const y = (fen: number) => yuanText(fen);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function figureLines(f: YearFigures): Text[] {
  const pct = sharePercent(f.talks.talkedWith, f.talks.due);
  const aidFiled = sum(Object.values(f.aid.byCategory).map((c) => c.filed));
  const aidApproved = sum(Object.values(f.aid.byCategory).map((c) => c.approved));
  const aidRejected = sum(Object.values(f.aid.byCategory).map((c) => c.rejected));
  const aidPaid = sum(Object.values(f.aid.byCategory).map((c) => c.paidFen));
  const visitFen = sum(Object.values(f.visits.amountBySource));
  const trainedPct = sharePercent(f.training.membersTrained, f.training.members);
  return [
    {
      zh: `**谈心谈话**：应谈 ${f.talks.due} 人，已谈 ${f.talks.talkedWith} 人（${pct}%）；谈话 ${f.talks.held} 次（面谈 ${f.talks.byForm.IN_PERSON}、电话 ${f.talks.byForm.PHONE}、视频 ${f.talks.byForm.VIDEO}）；党员相互谈心 ${f.talks.peerTalks} 次，涉及 ${f.talks.peerMembers} 人`,
      en: `**Talks**: ${f.talks.talkedWith} of ${f.talks.due} members talked with (${pct}%); ${f.talks.held} talks (in person ${f.talks.byForm.IN_PERSON}, phone ${f.talks.byForm.PHONE}, video ${f.talks.byForm.VIDEO}); ${f.talks.peerTalks} talks between members, ${f.talks.peerMembers} members involved`,
    },
    {
      zh: `**走访慰问**：已走访 ${f.visits.done} 次，待走访 ${f.visits.planned} 次；慰问金 ${y(visitFen).zh}`,
      en: `**Visits**: ${f.visits.done} done, ${f.visits.planned} still planned; ${y(visitFen).en} given`,
    },
    {
      zh: `**帮扶申请**：${aidFiled} 件，批准 ${aidApproved} 件，不予批准 ${aidRejected} 件；发放 ${y(aidPaid).zh}（扣除冲正）`,
      en: `**Aid requests**: ${aidFiled} filed, ${aidApproved} approved, ${aidRejected} rejected; ${y(aidPaid).en} paid (net of reversals)`,
    },
    {
      zh: `**困难党员档案**：年初在档 ${f.hardship.activeAtStart} 户，新建 ${f.hardship.opened} 户，解困 ${f.hardship.resolved} 户，等级调整 ${f.hardship.levelChanges} 次，年末在档 ${f.hardship.activeAtEnd} 户`,
      en: `**Hardship archive**: ${f.hardship.activeAtStart} at the start, ${f.hardship.opened} opened, ${f.hardship.resolved} resolved, ${f.hardship.levelChanges} level changes, ${f.hardship.activeAtEnd} at the end`,
    },
    {
      zh: `**培训**：${f.training.sessions} 场，${f.training.attendance} 人次，党员参训 ${f.training.membersTrained} 人（${trainedPct}%）；培训支持批准 ${f.training.granted}/${f.training.applications} 件，补贴 ${y(f.training.subsidyFen).zh}`,
      en: `**Training**: ${f.training.sessions} sessions, ${f.training.attendance} attendances, ${f.training.membersTrained} members trained (${trainedPct}%); ${f.training.granted} of ${f.training.applications} applications granted, ${y(f.training.subsidyFen).en} subsidy`,
    },
    {
      zh: `**就业帮扶**：求职登记 ${f.employment.registered} 人，已就业 ${f.employment.employed} 人`,
      en: `**Employment**: ${f.employment.registered} registered, ${f.employment.employed} found work`,
    },
    {
      zh: `**表彰**：支部 ${f.commendations.BRANCH}、党委 ${f.commendations.COMMITTEE}、上级 ${f.commendations.HIGHER} 人次；**流动党员** ${f.mobile.members} 人，联系 ${f.mobile.contacts} 次`,
      en: `**Commendations**: branch ${f.commendations.BRANCH}, committee ${f.commendations.COMMITTEE}, higher ${f.commendations.HIGHER}; **mobile members** ${f.mobile.members}, ${f.mobile.contacts} contacts`,
    },
    {
      zh: `**组织结对**：${f.pairings.active} 对，共建活动 ${f.pairings.activities} 次；**意见建议**：收到 ${f.suggestions.received} 条，已答复 ${f.suggestions.answered} 条，匿名 ${f.suggestions.anonymous} 条`,
      en: `**Organisation pairings**: ${f.pairings.active}, ${f.pairings.activities} joint activities; **suggestions**: ${f.suggestions.received} received, ${f.suggestions.answered} answered, ${f.suggestions.anonymous} anonymous`,
    },
  ];
}

function fundLines(f: YearFigures): Text[] {
  return FUND_SOURCES.map((s) => {
    const x = f.fund[s];
    const mark = x.agrees ? "✓" : "不平";
    return {
      zh: `· ${SOURCE_LABEL[s].zh}：年初 ${y(x.openingFen).zh} + 收入 ${y(netIncome(x)).zh} − 支出 ${y(netPaid(x)).zh} = 年末 ${y(x.closingFen).zh}　${mark}`,
      en: `· ${SOURCE_LABEL[s].en}: opening ${y(x.openingFen).en} + income ${y(netIncome(x)).en} − paid ${y(netPaid(x)).en} = closing ${y(x.closingFen).en}　${x.agrees ? "✓" : "does not agree"}`,
    };
  });
}

export function yearReportCard(r: YearReport): Card {
  const f = r.total;
  const scope: Text = r.org.committee
    ? { zh: `${r.org.name}（下属 ${r.parts.length} 个支部合计）`, en: `${r.org.name} (${r.parts.length} branches together)` }
    : { zh: r.org.name, en: r.org.name };
  const asOf = dateWords(r.asOf);
  const elements: Element[] = [
    md({ zh: `${scope.zh} · 数据截至 ${asOf.zh}`, en: `${scope.en} · as of ${asOf.en}` }),
    mdLines(figureLines(f)),
    hr(),
    md(t("**帮扶资金核对**（年初余额 + 收入 − 支出 = 年末余额，冲正计入办理当年）", "**The fund reconciled** (opening + income − payments = closing; reversals count in the year booked)")),
    mdLines(fundLines(f)),
  ];
  if (!fundAgrees(f.fund)) {
    elements.push(note(t("标「不平」的来源：台账合计与账面余额不一致，请用「导出资金台账」核查。", 'A source marked "does not agree": the ledger and the running balance differ; check it with 导出资金台账.')));
  }
  if (r.org.committee && r.parts.length > 0) {
    elements.push(hr());
    elements.push(
      table({
        columns: [
          { name: "org", title: t("支部", "Branch") },
          { name: "talks", title: t("谈心覆盖", "Talks"), align: "right" },
          { name: "visits", title: t("走访", "Visits"), align: "right" },
          { name: "aid", title: t("帮扶发放", "Aid paid"), align: "right" },
          { name: "fund", title: t("资金核对", "Fund"), align: "center" },
        ],
        rows: r.parts.slice(0, MAX_PARTS).map((p) => {
          const g = p.figures;
          const paid = sum(Object.values(g.aid.byCategory).map((c) => c.paidFen));
          return {
            org: t(p.name, p.name),
            talks: t(`${sharePercent(g.talks.talkedWith, g.talks.due)}%`, `${sharePercent(g.talks.talkedWith, g.talks.due)}%`),
            visits: t(String(g.visits.done), String(g.visits.done)),
            aid: y(paid),
            fund: fundAgrees(g.fund) ? t("✓", "✓") : t("不平", "no"),
          };
        }),
        pageSize: 10,
      }),
    );
  }
  if (r.org.committee && r.parts.length > MAX_PARTS) {
    elements.push(note(t(`卡片列出前 ${MAX_PARTS} 个支部，其余 ${r.parts.length - MAX_PARTS} 个见表格文件。`, `The card lists the first ${MAX_PARTS} branches; the other ${r.parts.length - MAX_PARTS} are in the spreadsheet.`)));
  }
  elements.push(note(t("完整报表见随后发送的表格文件。报告只含统计数字，不含党员姓名和谈话内容。", "The full report follows as a spreadsheet. It holds figures only: no member's name, no notes.")));
  return card({ title: { zh: `${r.year}年度报告`, en: `Year-end report ${r.year}` }, subtitle: scope, template: "red", elements });
}

/** December: the year's report can be produced now; the button runs 年度报告 for that year. */
export function yearReportReminderCard(d: { orgName: string; year: number }): Card {
  return card({
    title: { zh: `${d.year}年度报告可以生成了`, en: `The ${d.year} year-end report can be produced now` },
    subtitle: { zh: d.orgName, en: d.orgName },
    template: "red",
    elements: [
      md({
        zh: `年底将至，${d.orgName}的${d.year}年度报告（谈心、走访、帮扶与资金核对、困难档案、培训就业、表彰、流动党员、组织结对、意见建议）现在就可以生成，报上级党组织前请核对。`,
        en: `The year is ending: the ${d.year} year-end report of ${d.orgName} (talks, visits, aid and the fund reconciled, the hardship archive, training and jobs, commendations, mobile members, pairings, suggestions) can be produced now; check it before it goes to the committee above.`,
      }),
      button({ text: t("生成年度报告", "Produce the report"), action: RUN_COMMAND_ACTION, value: { c: YEAR_REPORT_COMMAND, x: String(d.year) }, type: "primary" }),
      note(t(`也可以随时发送「年度报告 ${d.year}」。`, `You can also send "年度报告 ${d.year}" at any time.`)),
    ],
  });
}
