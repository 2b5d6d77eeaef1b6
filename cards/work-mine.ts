// 我的, the work-care half (知情权): the member's own commendations, training (applications and
// trainings attended), employment case and questions to the secretary, each with where it stands.
import { dateWords } from "../src/domain/date-words.ts";
import { STATUS_LABEL, type AidStatus } from "../src/domain/aid-rules.ts";
import type { CommendLevel, CommendStatus } from "../src/domain/commend-rules.ts";
import { EMPLOYMENT_STATUS_LABEL, type JobKind } from "../src/domain/job-match.ts";
import { yuanText } from "../src/domain/money.ts";
import { ASK_LABEL, TOPIC_LABEL, type TrainingAsk, type TrainingTopic } from "../src/domain/training-rules.ts";
import { clip, esc, joinText } from "./aid-common.ts";
import { commendHeadline } from "./commend.ts";
import { kindsText } from "./job-seek.ts";
import { t, type Element, type Text } from "./kit.ts";
import { mineSection } from "./mine.ts";

export interface WorkMine {
  commendations: { title: string; level: CommendLevel; status: CommendStatus; awardedOn: string | null; revokeReason: string | null }[];
  applications: { label: string; course: string; status: AidStatus; asks: TrainingAsk[]; granted: TrainingAsk[]; subsidyFen: number | null; filedAt: string; note: string | null }[];
  attended: { title: string; topic: TrainingTopic; heldOn: string }[];
  employment: { status: "OPEN" | "EMPLOYED" | "CLOSED"; openedOn: string; kinds: JobKind[]; area: string | null; pushes: number; lastCheckInOn: string | null; employedOn: string | null; outcome: string | null } | null;
  questions: { label: string; asked: string; at: string; status: "OPEN" | "ANSWERED"; lastAnswer: string | null; messages: number }[];
}

/** The sections 我的 appends to the member's card, below their aid requests: only those with something in them. */
export function workMineSections(d: WorkMine): Element[] {
  const on = (day: string | null) => (day ? dateWords(day) : { zh: "", en: "" });
  const honours = d.commendations.map((c) =>
    c.status === "REVOKED"
      ? { zh: `~~${commendHeadline(c).zh}~~ ${on(c.awardedOn).zh} · 已撤销${c.revokeReason ? `：${esc(clip(c.revokeReason, 100))}` : ""}`, en: `~~${commendHeadline(c).en}~~ ${on(c.awardedOn).en} · revoked` }
      : { zh: `🎖 ${commendHeadline(c).zh} · ${on(c.awardedOn).zh}`, en: `🎖 ${commendHeadline(c).en} · ${on(c.awardedOn).en}` },
  );
  const training: Text[] = [
    ...d.applications.map((a) => {
      const granted = a.status === "APPROVED" ? { zh: `：${joinText(a.granted.map((g) => ASK_LABEL[g])).zh}${a.subsidyFen ? `，补贴 ${yuanText(a.subsidyFen).zh}` : ""}`, en: `: ${joinText(a.granted.map((g) => ASK_LABEL[g])).en}${a.subsidyFen ? `, subsidy ${yuanText(a.subsidyFen).en}` : ""}` } : { zh: "", en: "" };
      const why = a.status === "REJECTED" && a.note ? { zh: `（${esc(clip(a.note, 100))}）`, en: ` (${esc(clip(a.note, 100))})` } : { zh: "", en: "" };
      return { zh: `申请 ${a.label}「${esc(a.course)}」· **${STATUS_LABEL[a.status].zh}**${granted.zh}${why.zh} · ${a.filedAt}`, en: `Application ${a.label} "${esc(a.course)}" · **${STATUS_LABEL[a.status].en}**${granted.en}${why.en} · ${a.filedAt}` };
    }),
    ...d.attended.map((x) => ({ zh: `参加培训：${esc(x.title)}（${TOPIC_LABEL[x.topic].zh}）· ${on(x.heldOn).zh}`, en: `Attended: ${esc(x.title)} (${TOPIC_LABEL[x.topic].en}) · ${on(x.heldOn).en}` })),
  ];
  const e = d.employment;
  const job: Text[] = e
    ? [
        { zh: `**${EMPLOYMENT_STATUS_LABEL[e.status].zh}** · 登记于 ${on(e.openedOn).zh}${e.employedOn ? ` · 就业于 ${on(e.employedOn).zh}` : ""}${e.outcome ? `（${esc(e.outcome)}）` : ""}`, en: `**${EMPLOYMENT_STATUS_LABEL[e.status].en}** · since ${on(e.openedOn).en}${e.employedOn ? ` · employed ${on(e.employedOn).en}` : ""}${e.outcome ? ` (${esc(e.outcome)})` : ""}` },
        { zh: `意向：${kindsText(e.kinds).zh}${e.area ? `，${esc(e.area)}` : ""} · 已收到岗位信息 ${e.pushes} 条 · 上次回访 ${e.lastCheckInOn ?? "无"}`, en: `Wants: ${kindsText(e.kinds).en}${e.area ? `, ${esc(e.area)}` : ""} · ${e.pushes} postings received · last check-in ${e.lastCheckInOn ?? "none"}` },
      ]
    : [];
  const questions = d.questions.map((q) => ({
    zh: `${q.label}「${esc(clip(q.asked, 60))}」· ${q.at} · **${q.status === "ANSWERED" ? "已回复" : "待回复"}**${q.lastAnswer ? `：${esc(clip(q.lastAnswer, 120))}` : ""}`,
    en: `${q.label} "${esc(clip(q.asked, 60))}" · ${q.at} · **${q.status === "ANSWERED" ? "answered" : "waiting"}**${q.lastAnswer ? `: ${esc(clip(q.lastAnswer, 120))}` : ""}`,
  }));
  return [
    ...mineSection(t("培训", "Training"), training),
    ...mineSection(t("就业帮扶", "Employment help"), job),
    ...mineSection(t("表彰", "Commendations"), honours),
    ...mineSection(t("提问", "Questions"), questions),
  ];
}

