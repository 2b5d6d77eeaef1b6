// A member's own data as an .xlsx workbook (导出我的数据): what the branch keeps about them, one
// sheet per kind of record, and who else read those records. The member's right to know
// (个人信息保护法 第四十五条: a person may consult and copy their personal information). What
// others wrote about them in their own notes (a leader's talk notes, a visitor's notes, the
// secretary's note on a change) is not theirs to copy and is never loaded. Headings are Chinese
// only, as the branch's other workbooks.
import ExcelJS from "exceljs";
import { CATEGORY_LABEL, STATUS_LABEL, URGENCY_LABEL } from "../domain/aid-rules.ts";
import { COMMEND_LEVEL_LABEL, COMMEND_STATUS_LABEL } from "../domain/commend-rules.ts";
import { EMPLOYMENT_STATUS_LABEL, JOB_KIND_LABEL } from "../domain/job-match.ts";
import { KIND_LABEL } from "../domain/membership-change.ts";
import { ROLE_LABEL, type RoleName } from "../domain/roles.ts";
import { ASK_LABEL, TOPIC_LABEL } from "../domain/training-rules.ts";
import { HOW_LABEL, taskWhat } from "../domain/visit-labels.ts";
import { requestLabel } from "../domain/request-label.ts";
import { localDateTime } from "../domain/zoned-time.ts";
import type { AidRequestRow } from "../store/aid-request-row.ts";
import type { CommendRow } from "../store/commendations.ts";
import type { OwnJobCase, OwnProfile, OwnRole, OwnStandingChange, TalkHeld, VisitToMember } from "../store/personal-records.ts";
import type { PeerTalkRow } from "../store/peer-talks.ts";
import type { QuestionRow, ThreadMessage } from "../store/questions.ts";
import type { SuggestionRow } from "../store/suggestions.ts";
import { SUGGESTION_KIND_LABEL } from "../domain/suggestion.ts";
import type { Attended } from "../store/training-records.ts";
import type { TrainingRow } from "../store/training.ts";
import { neutraliseWorkbook } from "./safe-cell.ts";
import { sheet, yuan } from "./sheet.ts";

export interface PersonalData {
  profile: OwnProfile;
  roles: OwnRole[];
  requests: AidRequestRow[];
  talks: TalkHeld[];
  /**
   * Their talks with other members (互相谈心), oldest first, notes included whoever wrote them:
   * unlike a leader's notes, both of the two may read these (我的谈心), so they may copy them too.
   */
  peerTalks?: { personId: number; talks: PeerTalkRow[] };
  visits: VisitToMember[];
  trainings: TrainingRow[];
  attended: Attended[];
  commendations: CommendRow[];
  jobCases: OwnJobCase[];
  questions: (QuestionRow & { messages: ThreadMessage[] })[];
  /** Their named suggestions (意见建议) with the answers; anonymous ones are linked to nobody. */
  suggestions?: SuggestionRow[];
  changes: OwnStandingChange[];
  /** Who else read or changed these records (the audit lines about the member), newest first, in words. */
  readings: { when: string; who: string; what: string }[];
  /** The names of the people who wrote in the member's question threads. */
  names: ReadonlyMap<number, string>;
}

const FORM: Record<TalkHeld["form"], string> = { IN_PERSON: "面谈", PHONE: "电话", VIDEO: "视频" };
const MEMBERSHIP_STATUS: Record<string, string> = { ACTIVE: "在册", SUSPENDED: "停止", ENDED: "已结束" };
const VISIT_STATUS: Record<VisitToMember["status"], string> = { OPEN: "待走访", DONE: "已走访", CANCELLED: "已取消" };
const QUESTION_STATUS: Record<QuestionRow["status"], string> = { OPEN: "待答复", ANSWERED: "已答复" };
const CHANGE_STATUS: Record<OwnStandingChange["status"], string> = { APPLIED: "有效", REVERTED: "已撤销" };
const fenCell = (fen: number | null): number | string => (fen === null ? "" : yuan(fen));

export function buildPersonalWorkbook(d: PersonalData, opts: { generatedAt: Date; timeZone: string }): ExcelJS.Workbook {
  const tz = opts.timeZone;
  const at = (x: Date | null) => (x ? localDateTime(x, tz) : "");
  const wb = new ExcelJS.Workbook();
  wb.creator = "同心";

  const about = sheet(wb, "说明", [
    { header: "项目", key: "k", width: 16 },
    { header: "内容", key: "v", width: 80 },
  ]);
  about.addRows([
    { k: "姓名", v: d.profile.name },
    { k: "导出时间", v: at(opts.generatedAt) },
    { k: "包含内容", v: "基本信息、身份、帮扶申请、谈心谈话、互相谈心（含内容）、走访慰问、培训、表彰、就业帮扶、提问、组织关系变动、查阅记录" },
    { k: "不包含", v: "他人所写的记录：谈话人的谈心记录、走访人的走访记录、书记对组织关系变动的备注" },
    { k: "查阅记录", v: "他人查看或修改您档案的记录（谁、何时、做了什么）；您本人的查看不列入" },
  ]);

  const basic = sheet(wb, "基本信息", [
    { header: "项目", key: "k", width: 16 },
    { header: "内容", key: "v", width: 40 },
  ]);
  basic.addRows([
    { k: "姓名", v: d.profile.name },
    { k: "手机号", v: d.profile.mobile ?? "" },
    { k: "邮箱", v: d.profile.email ?? "" },
    { k: "出生日期", v: d.profile.birthDate ?? "" },
    { k: "入党日期", v: d.profile.joinedPartyOn ?? "" },
    { k: "流动去向", v: d.profile.whereabouts ?? "" },
  ]);

  const roles = sheet(wb, "身份", [
    { header: "组织", key: "org", width: 24 },
    { header: "身份", key: "role", width: 16 },
    { header: "状态", key: "status", width: 10 },
    { header: "起始日期", key: "since", width: 14 },
    { header: "结束日期", key: "ended", width: 14 },
  ]);
  for (const r of d.roles) roles.addRow({ org: r.orgName, role: ROLE_LABEL[r.role as RoleName]?.zh ?? r.role, status: MEMBERSHIP_STATUS[r.status] ?? r.status, since: r.since ?? "", ended: r.endedOn ?? "" });

  const aid = sheet(wb, "帮扶申请", [
    { header: "编号", key: "number", width: 12 },
    { header: "提交时间", key: "at", width: 18 },
    { header: "类别", key: "category", width: 10 },
    { header: "紧急程度", key: "urgency", width: 10 },
    { header: "申请金额（元）", key: "requested", width: 14 },
    { header: "状态", key: "status", width: 10 },
    { header: "批准金额（元）", key: "approved", width: 14 },
    { header: "决定时间", key: "decidedAt", width: 18 },
    { header: "情况说明", key: "description", width: 50 },
    { header: "审批意见", key: "note", width: 30 },
  ]);
  for (const r of d.requests) {
    aid.addRow({
      number: r.number,
      at: at(r.createdAt),
      category: CATEGORY_LABEL[r.category].zh,
      urgency: URGENCY_LABEL[r.urgency].zh,
      requested: fenCell(r.requestedFen),
      status: STATUS_LABEL[r.status].zh,
      approved: fenCell(r.approvedFen),
      decidedAt: at(r.decidedAt),
      description: r.description,
      note: r.decisionNote ?? "",
    });
  }

  const talks = sheet(wb, "谈心谈话", [
    { header: "谈话日期", key: "heldOn", width: 14 },
    { header: "谈话人", key: "leader", width: 12 },
    { header: "方式", key: "form", width: 8 },
  ]);
  for (const t of d.talks) talks.addRow({ heldOn: t.heldOn, leader: t.leaderName, form: FORM[t.form] });

  const peerTalks = sheet(wb, "互相谈心", [
    { header: "谈心日期", key: "heldOn", width: 14 },
    { header: "对方", key: "other", width: 12 },
    { header: "方式", key: "form", width: 8 },
    { header: "记录人", key: "by", width: 12 },
    { header: "谈心内容", key: "notes", width: 50 },
  ]);
  for (const t of d.peerTalks?.talks ?? []) {
    const other = t.recordedById === d.peerTalks!.personId ? t.peerName : t.recordedByName;
    peerTalks.addRow({ heldOn: t.heldOn, other, form: FORM[t.form], by: t.recordedByName, notes: t.notes ?? "" });
  }

  const visits = sheet(wb, "走访慰问", [
    { header: "走访", key: "what", width: 22 },
    { header: "应访日期", key: "dueOn", width: 14 },
    { header: "走访日期", key: "visitedOn", width: 14 },
    { header: "走访人", key: "visitor", width: 12 },
    { header: "方式", key: "how", width: 12 },
    { header: "慰问品", key: "goods", width: 24 },
    { header: "慰问金（元）", key: "amount", width: 14 },
    { header: "状态", key: "status", width: 10 },
  ]);
  for (const v of d.visits) {
    visits.addRow({
      what: taskWhat({ festival: v.festival, year: v.year, eventKind: v.eventKind, reason: null }).zh,
      dueOn: v.dueOn,
      visitedOn: v.visitedOn ?? "",
      visitor: v.visitorName,
      how: v.how ? (HOW_LABEL[v.how]?.zh ?? v.how) : "",
      goods: v.goods ?? "",
      amount: fenCell(v.amountFen),
      status: VISIT_STATUS[v.status],
    });
  }

  const training = sheet(wb, "培训", [
    { header: "类型", key: "type", width: 10 },
    { header: "编号", key: "number", width: 12 },
    { header: "课程或培训", key: "title", width: 28 },
    { header: "机构或主题", key: "provider", width: 20 },
    { header: "日期", key: "dates", width: 24 },
    { header: "申请支持", key: "asks", width: 20 },
    { header: "状态", key: "status", width: 10 },
    { header: "补贴（元）", key: "subsidy", width: 12 },
    { header: "申请理由", key: "reason", width: 40 },
  ]);
  for (const a of d.trainings) {
    training.addRow({
      type: "培训申请",
      number: requestLabel(a),
      title: a.course,
      provider: a.provider,
      dates: `${a.startOn} 至 ${a.endOn}`,
      asks: a.asks.map((x) => ASK_LABEL[x].zh).join("、"),
      status: STATUS_LABEL[a.status].zh,
      subsidy: fenCell(a.subsidyFen),
      reason: a.reason,
    });
  }
  for (const s of d.attended) training.addRow({ type: "参加培训", number: "", title: s.title, provider: TOPIC_LABEL[s.topic].zh, dates: s.heldOn, asks: "", status: "", subsidy: "", reason: "" });

  const commend = sheet(wb, "表彰", [
    { header: "编号", key: "number", width: 12 },
    { header: "称号", key: "title", width: 24 },
    { header: "级别", key: "level", width: 12 },
    { header: "状态", key: "status", width: 10 },
    { header: "表彰日期", key: "awardedOn", width: 14 },
    { header: "撤销原因", key: "revoke", width: 30 },
  ]);
  for (const c of d.commendations) {
    commend.addRow({ number: requestLabel(c), title: c.title, level: COMMEND_LEVEL_LABEL[c.level].zh, status: COMMEND_STATUS_LABEL[c.status].zh, awardedOn: c.awardedOn ?? "", revoke: c.revokeReason ?? "" });
  }

  const jobs = sheet(wb, "就业帮扶", [
    { header: "登记日期", key: "openedOn", width: 14 },
    { header: "技能", key: "skills", width: 24 },
    { header: "求职方向", key: "kinds", width: 24 },
    { header: "地区", key: "area", width: 14 },
    { header: "意向", key: "wishes", width: 24 },
    { header: "状态", key: "status", width: 10 },
    { header: "就业日期", key: "employedOn", width: 14 },
    { header: "结果", key: "outcome", width: 24 },
  ]);
  for (const j of d.jobCases) {
    jobs.addRow({
      openedOn: j.openedOn,
      skills: j.skills,
      kinds: j.kinds.map((k) => JOB_KIND_LABEL[k]?.zh ?? k).join("、"),
      area: j.area ?? "",
      wishes: j.wishes ?? "",
      status: EMPLOYMENT_STATUS_LABEL[j.status].zh,
      employedOn: j.employedOn ?? "",
      outcome: j.outcome ?? "",
    });
  }

  const questions = sheet(wb, "提问", [
    { header: "编号", key: "number", width: 12 },
    { header: "状态", key: "status", width: 10 },
    { header: "时间", key: "at", width: 18 },
    { header: "发言人", key: "who", width: 12 },
    { header: "内容", key: "body", width: 60 },
  ]);
  for (const q of d.questions) {
    for (const m of q.messages) {
      questions.addRow({ number: requestLabel(q), status: QUESTION_STATUS[q.status], at: at(m.at), who: m.fromAsker ? "我" : (d.names.get(m.authorId) ?? "支部"), body: m.body });
    }
  }

  const suggestions = sheet(wb, "意见建议", [
    { header: "编号", key: "number", width: 12 },
    { header: "类别", key: "kind", width: 8 },
    { header: "提出时间", key: "at", width: 18 },
    { header: "内容", key: "body", width: 50 },
    { header: "状态", key: "status", width: 10 },
    { header: "答复", key: "answer", width: 50 },
    { header: "答复时间", key: "answeredAt", width: 18 },
  ]);
  for (const x of d.suggestions ?? []) {
    suggestions.addRow({ number: requestLabel(x), kind: SUGGESTION_KIND_LABEL[x.kind].zh, at: at(x.createdAt), body: x.body, status: QUESTION_STATUS[x.status], answer: x.answer ?? "", answeredAt: at(x.answeredAt) });
  }

  const changes = sheet(wb, "组织关系变动", [
    { header: "变动", key: "kind", width: 16 },
    { header: "生效日期", key: "effectiveOn", width: 14 },
    { header: "所在组织", key: "org", width: 24 },
    { header: "对方组织", key: "other", width: 24 },
    { header: "状态", key: "status", width: 10 },
    { header: "记录时间", key: "at", width: 18 },
  ]);
  for (const c of d.changes) {
    changes.addRow({ kind: KIND_LABEL[c.kind as keyof typeof KIND_LABEL]?.zh ?? c.kind, effectiveOn: c.effectiveOn, org: c.orgName, other: c.otherOrgName ?? "", status: CHANGE_STATUS[c.status], at: at(c.recordedAt) });
  }

  const readings = sheet(wb, "查阅记录", [
    { header: "时间", key: "when", width: 18 },
    { header: "查阅人", key: "who", width: 24 },
    { header: "做了什么", key: "what", width: 50 },
  ]);
  readings.addRows(d.readings);

  return neutraliseWorkbook(wb);
}

/** The workbook as the bytes of an .xlsx file. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
