// The work-care lines of the branch analysis card: training coverage (members and affairs
// workers, the year so far), training support, and the employment cases still open.
import { TOPIC_LABEL, TRAINING_TOPICS } from "../src/domain/training-rules.ts";
import { yuanText } from "../src/domain/money.ts";
import { percent, type WorkFigures } from "../src/domain/work-report.ts";
import { mdLines } from "./aid-common.ts";
import { hr, md, t, type Element, type Text } from "./kit.ts";

const MAX_NAMES = 10;

export function workAnalysisElements(w: WorkFigures): Element[] {
  const tr = w.training;
  const topics = TRAINING_TOPICS.filter((x) => tr.byTopic[x] > 0).map((x) => ({ zh: `${TOPIC_LABEL[x].zh} ${tr.byTopic[x]} 人`, en: `${TOPIC_LABEL[x].en} ${tr.byTopic[x]}` }));
  const lines: Text[] = [
    {
      zh: `**培训覆盖（${tr.year}年累计）**：${percent(tr.trained, tr.members)}%（党员 ${tr.members} 人，已参加培训 ${tr.trained} 人）；党务工作者 ${tr.workersTrained}/${tr.workers} 人`,
      en: `**Training coverage (${tr.year} so far)**: ${percent(tr.trained, tr.members)}% (${tr.trained} of ${tr.members} members); affairs workers ${tr.workersTrained}/${tr.workers}`,
    },
    {
      zh: `**培训类别**：${topics.length ? topics.map((x) => x.zh).join("、") : "暂无"}；本期培训 ${tr.sessionsInPeriod} 场`,
      en: `**By topic**: ${topics.length ? topics.map((x) => x.en).join(", ") : "none"}; ${tr.sessionsInPeriod} trainings this period`,
    },
    {
      zh: `**培训支持申请**：本期 ${tr.applications.filed} 件，批准 ${tr.applications.approved} 件，补贴 ${yuanText(tr.applications.subsidyFen).zh}`,
      en: `**Training support**: ${tr.applications.filed} filed, ${tr.applications.approved} approved, subsidies ${yuanText(tr.applications.subsidyFen).en}`,
    },
    {
      zh: `**就业帮扶**：在册求职 ${w.employment.open.length} 人；本期新登记 ${w.employment.openedInPeriod} 人、实现就业 ${w.employment.employedInPeriod} 人，发布岗位信息 ${w.employment.postingsInPeriod} 条`,
      en: `**Employment help**: ${w.employment.open.length} looking for work; this period ${w.employment.openedInPeriod} registered, ${w.employment.employedInPeriod} found work, ${w.employment.postingsInPeriod} postings`,
    },
  ];
  const out: Element[] = [hr(), mdLines(lines)];
  if (w.employment.open.length > 0) {
    const shown: Text[] = w.employment.open.slice(0, MAX_NAMES).map((c) => ({
      zh: `· ${c.memberName}（登记 ${c.daysOpen} 天，联系人：${c.leaderName ?? "未分配"}，上次回访 ${c.lastCheckInOn ?? "无"}，已推送 ${c.pushes} 条）`,
      en: `· ${c.memberName} (${c.daysOpen} days, leader ${c.leaderName ?? "none"}, last check-in ${c.lastCheckInOn ?? "none"}, ${c.pushes} postings)`,
    }));
    if (w.employment.open.length > MAX_NAMES) shown.push(t(`……另有 ${w.employment.open.length - MAX_NAMES} 人`, `… and ${w.employment.open.length - MAX_NAMES} more`));
    out.push(md(t("**尚未就业的求职党员**", "**Members still looking for work**")), mdLines(shown));
  }
  return out;
}
