// The audit in a member's words (谁看过我的档案, 查阅记录). Every action the bot writes to the
// audit has a sentence here, so a member reads "查看了您的困难档案" and never a code such as
// "hardship.view"; test/unit/audit-words.test.ts collects every action written in src/ and fails
// on one without words. It serves the right to know (the item 4): a member can see who
// read or changed their records, in words they use.
import type { RoleName } from "./roles.ts";
import type { Text } from "./text.ts";

/** A reading (查看) or a change (修改): the secretary's card filters by it. */
export type AuditKind = "view" | "change";

/**
 * Whose records the sentence is about: the reader themself ("您的"), a member by name ("张三的"),
 * or, on a secretary's list, the member's own doing ("张三（本人）提交了自己的求助").
 */
export type Whose = { you: true } | { you: false; name: string; self?: boolean };

/** What the sentence needs from one audit line. */
export interface AuditFacts {
  action: string;
  /** The names of the fields a change touched (from the line's `changes`); unknown names are left out. */
  fields: readonly string[];
  /** The record's number as people know it ("2026-0007"), when it has one. */
  ref: string | null;
}

export interface AuditWords {
  kind: AuditKind;
  /** What the actor did, to follow their name: "查看了您的困难档案". */
  what: Text;
  /** For a line with no actor (the bot's own work): what the system was doing, "定时提醒". */
  system: Text;
}

interface Say {
  /** "您" / "张三"; "you" / "张三". */
  o: Text;
  /** "您的" / "张三的"; "your" / "张三's". */
  p: Text;
  /** " 2026-0007" on both sides, or "" when the record has no number. */
  n: string;
  /** The same with a space after, for a number that Chinese words follow ("求助 2026-0007 附件"). */
  m: string;
  /** "（家庭情况、困难等级）" / " (household, level)", or "" when no known field changed. */
  f: Text;
}

interface Entry {
  kind: AuditKind;
  say: (s: Say) => Text;
  system?: Text;
}

const AUTO: Text = { zh: "自动处理", en: "automatic" };

const view = (say: Entry["say"], system?: Text): Entry => ({ kind: "view", say, ...(system ? { system } : {}) });
const change = (say: Entry["say"], system?: Text): Entry => ({ kind: "change", say, ...(system ? { system } : {}) });

/** Action → its sentence. Keep the actions in the order of their areas; every one written in src/ must be here. */
const WORDS: Readonly<Record<string, Entry>> = {
  // Aid requests and their pictures and files
  "aid.request.file": change((s) => ({ zh: `提交了${s.p.zh}求助${s.n}`, en: `filed ${s.p.en} request${s.n}` })),
  "aid.request.notify": change((s) => ({ zh: `将${s.p.zh}求助${s.m}送交审批`, en: `sent ${s.p.en} request${s.n} for a decision` }), { zh: "送交审批", en: "routing" }),
  "aid.request.view": view((s) => ({ zh: `查看了${s.p.zh}求助${s.n}`, en: `viewed ${s.p.en} request${s.n}` })),
  "aid.request.view_own": view((s) => ({ zh: `查看了${s.p.zh}求助记录`, en: `viewed ${s.p.en} requests` })),
  "aid.request.list": view((s) => ({ zh: `查看了待审批的求助（含${s.p.zh}求助）`, en: `viewed the requests waiting (with ${s.p.en})` })),
  "aid.request.ask_info": change((s) => ({ zh: `请${s.o.zh}补充求助${s.m}的说明`, en: `asked ${s.o.en} for more on request${s.n}` })),
  "aid.request.answer_info": change((s) => ({ zh: `补充了${s.p.zh}求助${s.m}的说明`, en: `answered on ${s.p.en} request${s.n}` })),
  "aid.request.approve": change((s) => ({ zh: `批准了${s.p.zh}求助${s.n}`, en: `approved ${s.p.en} request${s.n}` })),
  "aid.request.reject": change((s) => ({ zh: `未批准${s.p.zh}求助${s.n}`, en: `declined ${s.p.en} request${s.n}` })),
  "aid.request.withdraw": change((s) => ({ zh: `撤回了${s.p.zh}求助${s.n}`, en: `withdrew ${s.p.en} request${s.n}` })),
  "aid.request.urge": change((s) => ({ zh: `催办了${s.p.zh}求助${s.n}`, en: `chased ${s.p.en} request${s.n}` })),
  "aid.request.reverse": change((s) => ({ zh: `冲正了${s.p.zh}求助${s.m}的付款`, en: `reversed the payment of ${s.p.en} request${s.n}` })),
  "aid.attachment.receive": change((s) => ({ zh: `收到了${s.p.zh}求助${s.m}附件`, en: `received an attachment to ${s.p.en} request${s.n}` })),
  "aid.attachment.keep": change((s) => ({ zh: `保存了${s.p.zh}求助${s.m}附件`, en: `kept an attachment to ${s.p.en} request${s.n}` }), { zh: "附件检查", en: "attachment check" }),
  "aid.attachment.view": view((s) => ({ zh: `查看了${s.p.zh}求助${s.m}附件`, en: `viewed an attachment to ${s.p.en} request${s.n}` })),
  "aid.delegate.name": change((s) => ({ zh: `指定${s.o.zh}为帮扶审批受托人`, en: `named ${s.o.en} aid delegate` })),
  "aid.delegate.remove": change((s) => ({ zh: `取消了${s.p.zh}帮扶审批受托人身份`, en: `removed ${s.o.en} as aid delegate` })),

  // Hardship archive (困难党员档案)
  "hardship.form": view((s) => ({ zh: `打开了为${s.o.zh}建立困难档案的表单`, en: `opened the form for ${s.p.en} hardship file` })),
  "hardship.open": change((s) => ({ zh: `为${s.o.zh}建立了困难档案`, en: `opened a hardship file for ${s.o.en}` })),
  "hardship.view": view((s) => ({ zh: `查看了${s.p.zh}困难档案`, en: `viewed ${s.p.en} hardship file` })),
  "hardship.list": view((s) => ({ zh: `查看了困难党员档案名单（含${s.o.zh}）`, en: `viewed the hardship list (with ${s.o.en})` })),
  "hardship.update": change((s) => ({ zh: `修改了${s.p.zh}困难档案${s.f.zh}`, en: `changed ${s.p.en} hardship file${s.f.en}` })),
  "hardship.resolve": change((s) => ({ zh: `将${s.p.zh}困难档案销档`, en: `closed ${s.p.en} hardship file` })),
  "hardship.review.keep": change((s) => ({ zh: `复核了${s.p.zh}困难档案`, en: `reviewed ${s.p.en} hardship file` })),
  "hardship.review.resolve": change((s) => ({ zh: `复核后将${s.p.zh}困难档案销档`, en: `reviewed and closed ${s.p.en} hardship file` })),
  "hardship.review.refer": change((s) => ({ zh: `将${s.p.zh}困难档案转报上级党组织`, en: `referred ${s.p.en} hardship file upwards` })),
  // 上报 (src/bot/escalation/): an item put before the organisation above, which may then read it.
  "escalation.raise": change((s) => ({ zh: `将${s.p.zh}事项${s.m}上报上级党组织`, en: `raised ${s.p.en} item${s.n} to the organisation above` }), { zh: "超期自动上报", en: "raised when overdue" }),
  "escalation.list": view((s) => ({ zh: `查看了上报事项名单（含${s.o.zh}）`, en: `viewed the raised items (with ${s.o.en})` })),
  "escalation.view": view((s) => ({ zh: `作为上级党组织查看了${s.p.zh}上报事项${s.n}`, en: `viewed ${s.p.en} raised item${s.n} as the organisation above` })),
  "escalation.close": change((s) => ({ zh: `答复并办结了${s.p.zh}上报事项${s.n}`, en: `answered and closed ${s.p.en} raised item${s.n}` })),

  // Talks (谈心谈话)
  "talk.create": change((s) => ({ zh: `记录了与${s.o.zh}的谈心`, en: `recorded a talk with ${s.o.en}` })),
  "talk.view": view((s) => ({ zh: `查看了与${s.o.zh}的谈心记录`, en: `viewed the notes of a talk with ${s.o.en}` })),
  "talk.correct": change((s) => ({ zh: `更正了与${s.o.zh}的谈心记录${s.f.zh}`, en: `corrected the notes of a talk with ${s.o.en}${s.f.en}` })),
  "talk.export": view(() => ({ zh: "导出了谈心台账（不含谈话内容）", en: "exported the talk ledger (without notes)" })),
  "talk.export-notes": view(() => ({ zh: "导出了谈心台账（含谈话内容）", en: "exported the talk ledger with notes" })),
  "peer.talk.record": change((s) => ({ zh: `记录了与${s.o.zh}的互相谈心`, en: `recorded a talk between members with ${s.o.en}` })),
  "peer.talk.view": view((s) => ({ zh: `查看了与${s.o.zh}的互相谈心记录`, en: `viewed the notes of a talk between members with ${s.o.en}` })),
  "followup.done": change((s) => ({ zh: `完成了与${s.o.zh}谈心后的跟进事项`, en: `completed a follow-up of a talk with ${s.o.en}` })),
  "talk-task.create": change((s) => ({ zh: `上报了${s.p.zh}重大困难，安排了谈心`, en: `flagged ${s.p.en} major difficulty and arranged a talk` })),
  "talk-task.flag-again": change((s) => ({ zh: `再次上报了${s.p.zh}困难`, en: `flagged ${s.p.en} difficulty again` })),
  "person.responsible-leader": change((s) => ({ zh: `为${s.o.zh}指定了谈心联系人`, en: `assigned ${s.p.en} talk leader` })),

  // Visits (走访慰问) and pairings
  "visit.task.view": view((s) => ({ zh: `查看了对${s.o.zh}的走访任务`, en: `viewed a visit to ${s.o.en}` })),
  "visit.list.view": view((s) => ({ zh: `查看了走访任务（含对${s.o.zh}的走访）`, en: `viewed visit tasks (with one to ${s.o.en})` })),
  "visit.task.complete": change((s) => ({ zh: `登记了对${s.o.zh}的走访`, en: `recorded a visit to ${s.o.en}` })),
  "visit.task.reassign": change((s) => ({ zh: `改派了对${s.o.zh}的走访`, en: `reassigned a visit to ${s.o.en}` })),
  "visit.event.report": change((s) => ({ zh: `上报了需走访${s.o.zh}的情况`, en: `reported that ${s.o.en} should be visited` })),
  "visit.coverage.view": view(() => ({ zh: "查看了走访统计", en: "viewed visit coverage" })),
  "visit.report.export": view(() => ({ zh: "导出了走访报告", en: "exported the visit report" })),
  "contact.log": change((s) => ({ zh: `记录了与${s.o.zh}的联系`, en: `logged a contact with ${s.o.en}` })),
  "pairing.create": change((s) => ({ zh: `为${s.o.zh}建立了结对帮扶`, en: `paired ${s.o.en} with a helper` })),
  "pairing.end": change((s) => ({ zh: `结束了${s.p.zh}结对帮扶`, en: `ended ${s.p.en} pairing` })),
  "pairing.list.view": view(() => ({ zh: "查看了结对帮扶名单", en: "viewed the pairings" })),
  // Organisations paired with organisations (组织结对): about an organisation, not a member.
  "org.pairing.create": change(() => ({ zh: "建立了组织结对", en: "set up an organisation pairing" })),
  "org.pairing.confirm": change(() => ({ zh: "同意了组织结对", en: "accepted an organisation pairing" })),
  "org.pairing.decline": change(() => ({ zh: "不同意组织结对", en: "declined an organisation pairing" })),
  "org.pairing.end": change(() => ({ zh: "结束了组织结对", en: "ended an organisation pairing" })),
  "org.pairing.activity": change(() => ({ zh: "登记了组织结对共建活动", en: "recorded a joint activity of an organisation pairing" })),
  "person.mobile.set": change((s) => ({ zh: `更新了${s.p.zh}流动党员登记`, en: `updated ${s.p.en} mobile member details` })),
  "person.mobile.unset": change((s) => ({ zh: `取消了${s.p.zh}流动党员登记`, en: `removed ${s.p.en} mobile member details` })),
  "person.mobile.list": view(() => ({ zh: "查看了流动党员名单", en: "viewed the mobile members" })),
  "fund.disburse.visit": change((s) => ({ zh: `登记了对${s.o.zh}的慰问金支出`, en: `paid a visit allowance to ${s.o.en}` })),

  // The committee's view (党委总览): figures of the branches below, about no member.
  "committee.overview.view": view(() => ({ zh: "查看了党委总览（各支部工作数字）", en: "viewed the committee overview (branch figures)" })),
  "committee.branch.view": view(() => ({ zh: "查看了一个支部的工作数字", en: "viewed a branch's figures" })),

  // Training, commendations, jobs, questions (培训、表彰、就业、提问)
  "training.application.file": change((s) => ({ zh: `提交了${s.p.zh}培训申请${s.n}`, en: `filed ${s.p.en} training application${s.n}` })),
  "training.application.notify": change((s) => ({ zh: `将${s.p.zh}培训申请${s.m}送交审批`, en: `sent ${s.p.en} training application${s.n} for a decision` })),
  "training.application.view": view((s) => ({ zh: `查看了${s.p.zh}培训申请${s.n}`, en: `viewed ${s.p.en} training application${s.n}` })),
  "training.application.approve": change((s) => ({ zh: `批准了${s.p.zh}培训申请${s.n}`, en: `approved ${s.p.en} training application${s.n}` })),
  "training.application.reject": change((s) => ({ zh: `未批准${s.p.zh}培训申请${s.n}`, en: `declined ${s.p.en} training application${s.n}` })),
  "training.application.reverse": change((s) => ({ zh: `冲正了${s.p.zh}培训申请${s.m}的补贴`, en: `reversed the subsidy of ${s.p.en} training application${s.n}` })),
  "training.session.record": change((s) => ({ zh: `登记了${s.o.zh}参加的培训`, en: `recorded a training ${s.o.en} attended` })),
  "commendation.nominate": change((s) => ({ zh: `提名表彰${s.o.zh}`, en: `nominated ${s.o.en} for a commendation` })),
  "commendation.view": view((s) => ({ zh: `查看了对${s.o.zh}的表彰提名${s.n}`, en: `viewed a nomination of ${s.o.en}${s.n}` })),
  "commendation.approve": change((s) => ({ zh: `批准了对${s.o.zh}的表彰`, en: `approved a commendation of ${s.o.en}` })),
  "commendation.decline": change((s) => ({ zh: `未批准对${s.o.zh}的表彰提名`, en: `declined a commendation of ${s.o.en}` })),
  "commendation.revoke": change((s) => ({ zh: `撤销了对${s.o.zh}的表彰`, en: `revoked a commendation of ${s.o.en}` })),
  "employment.case.register": change((s) => ({ zh: `为${s.o.zh}登记了求职`, en: `registered ${s.o.en} as looking for work` })),
  "employment.case.update": change((s) => ({ zh: `更新了${s.p.zh}求职登记`, en: `updated ${s.p.en} job search` })),
  "employment.case.check_in": change((s) => ({ zh: `记录了对${s.o.zh}的就业回访`, en: `recorded a job check-in with ${s.o.en}` })),
  "employment.case.employed": change((s) => ({ zh: `登记${s.o.zh}已就业`, en: `recorded that ${s.o.en} found work` })),
  "job.posting.create": change(() => ({ zh: "发布了岗位信息", en: "posted a job" })),
  // 意见建议: an anonymous submission's line has no actor and no member (anonymous: true in audit.ts).
  "suggestion.submit": change((s) => ({ zh: `提交了${s.p.zh}意见建议${s.n}`, en: `put ${s.p.en} suggestion${s.n}` }), { zh: "匿名提交", en: "anonymous" }),
  "suggestion.view": view((s) => ({ zh: `查看了${s.p.zh}意见建议${s.n}`, en: `viewed ${s.p.en} suggestion${s.n}` })),
  "suggestion.answer": change((s) => ({ zh: `答复了${s.p.zh}意见建议${s.n}`, en: `answered ${s.p.en} suggestion${s.n}` })),
  "question.ask": change((s) => ({ zh: `提交了${s.p.zh}提问${s.n}`, en: `asked ${s.p.en} question${s.n}` })),
  "question.view": view((s) => ({ zh: `查看了${s.p.zh}提问${s.n}`, en: `viewed ${s.p.en} question${s.n}` })),
  "question.answer": change((s) => ({ zh: `答复了${s.p.zh}提问${s.n}`, en: `answered ${s.p.en} question${s.n}` })),
  "question.follow_up": change((s) => ({ zh: `追问了${s.p.zh}提问${s.n}`, en: `followed up ${s.p.en} question${s.n}` })),
  "work.view_own": view((s) => ({ zh: `查看了${s.p.zh}申请与记录`, en: `viewed ${s.p.en} applications and records` })),

  // The fund (帮扶资金)
  "fund.view": view(() => ({ zh: "查看了帮扶资金", en: "viewed the fund" })),
  "fund.export": view(() => ({ zh: "导出了帮扶资金台账", en: "exported the fund ledger" })),
  "ledger.export": view(() => ({ zh: "导出了台账", en: "exported the ledger" })),
  "year.report": view(() => ({ zh: "生成了年度报告", en: "produced the year-end report" })),
  "fund.income": change(() => ({ zh: "登记了帮扶资金收入", en: "recorded fund income" })),
  "fund.disclose.preview": view(() => ({ zh: "预览了帮扶资金收支公开", en: "previewed the fund summary" })),
  "fund.disclose": change(() => ({ zh: "在支部群公开了帮扶资金收支", en: "posted the fund summary to the branch group" })),
  "fund.reverse.open": view(() => ({ zh: "查看了待冲正的款项", en: "viewed a payment to reverse" })),
  "fund.reverse": change(() => ({ zh: "冲正了一笔帮扶资金款项", en: "reversed a fund payment" })),

  // The roster and membership (名册、组织关系)
  "roster.import": change((s) => ({ zh: `通过名册导入更新了${s.p.zh}信息`, en: `updated ${s.p.en} details by a roster import` }), { zh: "名册导入", en: "roster import" }),
  "roster.review.confirm": change(() => ({ zh: "确认了名册核对清单", en: "confirmed a roster review" })),
  "roster.review.discard": change(() => ({ zh: "放弃了名册核对清单", en: "discarded a roster review" })),
  "roster.remove": change((s) => ({ zh: `将${s.o.zh}移出名册`, en: `removed ${s.o.en} from the roster` })),
  "membership.change": change((s) => ({ zh: `登记了${s.p.zh}组织关系变动`, en: `recorded a change of ${s.p.en} membership` })),
  "membership.change.receive": change((s) => ({ zh: `接收了${s.p.zh}组织关系转入`, en: `received ${s.p.en} membership transfer` })),
  "membership.change.revert": change((s) => ({ zh: `撤销了${s.p.zh}组织关系变动`, en: `undid a change of ${s.p.en} membership` })),
  "person.language": change((s) => ({ zh: `更改了${s.p.zh}语言设置`, en: `changed ${s.p.en} language` })),

  // Holidays (节假日)
  "calendar.import": change(() => ({ zh: "导入了节假日安排", en: "imported the holiday schedule" })),
  "calendar.confirm": change(() => ({ zh: "确认了节假日安排", en: "confirmed the holiday schedule" })),
  "calendar.holiday.save": change(() => ({ zh: "登记了节假日", en: "saved a holiday" })),
  "calendar.holiday.remove": change(() => ({ zh: "删除了节假日", en: "removed a holiday" })),

  // Privacy: reading the audit, personal data, retention (the items 2, 4 and 5)
  "audit.view_own": view((s) => ({ zh: `查看了${s.p.zh}档案查阅记录`, en: `viewed who read ${s.p.en} records` })),
  "audit.read": view((s) => ({ zh: `查阅了${s.p.zh}档案查阅记录`, en: `looked up who read ${s.p.en} records` })),
  "audit.export": view((s) => ({ zh: `导出了${s.p.zh}档案查阅记录`, en: `exported who read ${s.p.en} records` })),
  "person.export": view((s) => ({ zh: `导出了${s.p.zh}个人数据`, en: `exported ${s.p.en} personal data` })),
  "person.erase": change((s) => ({ zh: `按保存期限清除了${s.p.zh}敏感记录`, en: `erased ${s.p.en} sensitive records at the end of their keeping period` }), { zh: "到期清除", en: "retention" }),
};

/** Field name (as a change records it) → its name for people. A field not listed is left out of the words, never shown as a code. */
const FIELD_WORDS: Readonly<Record<string, Text>> = {
  household: { zh: "家庭情况", en: "household" },
  level: { zh: "困难等级", en: "level" },
  causes: { zh: "困难类别", en: "causes" },
  nextReviewOn: { zh: "复核日期", en: "review date" },
  notes: { zh: "备注", en: "notes" },
  heldOn: { zh: "谈话日期", en: "date" },
  form: { zh: "谈话方式", en: "form" },
  thinking: { zh: "思想情况", en: "thinking" },
  work: { zh: "工作情况", en: "work" },
  life: { zh: "生活情况", en: "life" },
  concerns: { zh: "意见诉求", en: "concerns" },
  concernAreas: { zh: "关注方面", en: "concern areas" },
  areas: { zh: "关注方面", en: "concern areas" },
};

/** Every action that has words (the test checks the source against it). */
export const WORDED_ACTIONS: readonly string[] = Object.keys(WORDS);

/** The actions of one kind: the secretary's card filters the audit by them. */
export function actionsOfKind(kind: AuditKind): string[] {
  return Object.entries(WORDS)
    .filter(([, e]) => e.kind === kind)
    .map(([a]) => a);
}

/** The sentence for one audit line, or null for an action without words (the test keeps that from happening). */
export function auditWords(facts: AuditFacts, whose: Whose): AuditWords | null {
  const entry = WORDS[facts.action];
  if (!entry) return null;
  const fields = [...new Set(facts.fields.map((f) => FIELD_WORDS[f]).filter((x): x is Text => !!x))];
  const say: Say = {
    o: whose.you ? { zh: "您", en: "you" } : whose.self ? { zh: "自己", en: "themselves" } : { zh: whose.name, en: whose.name },
    p: whose.you ? { zh: "您的", en: "your" } : whose.self ? { zh: "自己的", en: "their own" } : { zh: `${whose.name}的`, en: `${whose.name}'s` },
    n: facts.ref ? ` ${facts.ref}` : "",
    m: facts.ref ? ` ${facts.ref} ` : "",
    f: fields.length > 0 ? { zh: `（${fields.map((x) => x.zh).join("、")}）`, en: ` (${fields.map((x) => x.en).join(", ")})` } : { zh: "", en: "" },
  };
  return { kind: entry.kind, what: entry.say(say), system: entry.system ?? AUTO };
}

/**
 * The field names a line's `changes` names: a `fields` list (a talk's correction), the names of
 * a diff's entries ({household: […]}) or of a list of names ({changed: ["household"]}). Only names
 * with words are kept by auditWords, so the rest of `changes` (ids, counts) never reaches people.
 */
export function changedFields(changes: unknown): string[] {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  const c = changes as Record<string, unknown>;
  const listed = [c.fields, c.changed].flatMap((x) => (Array.isArray(x) ? x.filter((v): v is string => typeof v === "string") : []));
  return [...listed, ...Object.keys(c)].filter((k) => k in FIELD_WORDS);
}

/** Roles from the most to the least senior: a person is named by the first they hold. */
const SENIORITY: readonly RoleName[] = ["SECRETARY", "AID_DELEGATE", "LEADER", "AFFAIRS_WORKER", "MEMBER"];

const TITLE: Record<RoleName, Text> = {
  SECRETARY: { zh: "支部书记", en: "branch secretary" },
  AID_DELEGATE: { zh: "帮扶审批受托人", en: "aid delegate" },
  LEADER: { zh: "支委", en: "branch committee member" },
  AFFAIRS_WORKER: { zh: "党务工作者", en: "affairs worker" },
  MEMBER: { zh: "党员", en: "member" },
};

const SECRETARY_OF: Record<"COMMITTEE" | "GENERAL_BRANCH" | "BRANCH", Text> = {
  COMMITTEE: { zh: "党委书记", en: "Party committee secretary" },
  GENERAL_BRANCH: { zh: "党总支书记", en: "general branch secretary" },
  BRANCH: TITLE.SECRETARY,
};

export interface HeldRole {
  role: RoleName;
  orgId: number;
  orgKind: "COMMITTEE" | "GENERAL_BRANCH" | "BRANCH";
}

/**
 * How an actor is named in the list: "王建国（支部书记）", by their most senior role in the
 * organisation of the line (else anywhere: a committee's secretary reads a branch's records);
 * "同心系统（定时提醒）" for the bot's own work; "张三（本人）" for the member's own doing on a
 * secretary's list; the bare name for someone who holds no role now.
 */
export function actorLabel(actor: { name: string; roles: readonly HeldRole[]; self?: boolean } | null, lineOrgId: number | null, system: Text): Text {
  if (!actor) return { zh: `同心系统（${system.zh}）`, en: `Tongxin (${system.en})` };
  if (actor.self) return { zh: `${actor.name}（本人）`, en: `${actor.name} (themselves)` };
  const here = actor.roles.filter((r) => r.orgId === lineOrgId);
  const pool = here.length > 0 ? here : actor.roles;
  const top = SENIORITY.map((role) => pool.find((r) => r.role === role)).find((r) => !!r);
  if (!top) return { zh: actor.name, en: actor.name };
  const title = top.role === "SECRETARY" ? SECRETARY_OF[top.orgKind] : TITLE[top.role];
  return { zh: `${actor.name}（${title.zh}）`, en: `${actor.name} (${title.en})` };
}
