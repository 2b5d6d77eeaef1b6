// How 帮助 groups the commands: by what a person came to do, each with a use short enough for
// one line on a phone. Names here that the registry does not hold are skipped, and a command
// missing here still shows (under 其他, with its summary), so a new command is never hidden.
import type { Text } from "../../domain/text.ts";
import type { RoleName } from "../../domain/roles.ts";

export interface HelpTopic {
  title: Text;
  /** Command name → its use in a few words. */
  commands: Readonly<Record<string, Text>>;
}

export const HELP_TOPICS: readonly HelpTopic[] = [
  {
    title: { zh: "求助与申请", en: "Help and applications" },
    commands: {
      求助: { zh: "遇到困难，申请帮扶", en: "ask for help" },
      我的: { zh: "我的申请和进度", en: "your requests and where they stand" },
      撤回: { zh: "撤回还没审批的求助", en: "withdraw a request not yet decided" },
      催办: { zh: "提醒书记尽快审批", en: "remind the secretary to decide" },
      培训申请: { zh: "申请学习时间、培训补贴", en: "apply for training support" },
      求职登记: { zh: "登记求职，接收岗位信息", en: "register as looking for work" },
      已就业: { zh: "告诉支部您找到工作了", en: "tell the branch you found work" },
      提问: { zh: "向支部书记提问", en: "ask the branch secretary" },
      意见建议: { zh: "提意见、建议或批评，可匿名", en: "a suggestion or criticism, anonymous if you wish" },
      我的意见: { zh: "我署名提的意见和答复", en: "your named suggestions and answers" },
      代为求助: { zh: "替不用飞书的党员申请", en: "file for a member without Lark" },
    },
  },
  {
    title: { zh: "谈心谈话", en: "Talks" },
    commands: {
      我的谈心: { zh: "与我的谈心记录", en: "your talks" },
      谈心: { zh: "我联系的党员，记录谈话", en: "your members; record a talk" },
      互相谈心: { zh: "记录与其他党员的谈心", en: "record a talk with another member" },
      谈心记录: { zh: "查看某位党员的谈心记录", en: "a member's talk notes" },
      困难上报: { zh: "上报党员重大困难", en: "flag a member's major difficulty" },
      分配谈心: { zh: "为党员分配谈心联系人", en: "assign talk leaders" },
    },
  },
  {
    title: { zh: "走访慰问", en: "Visits" },
    commands: {
      走访: { zh: "我的走访任务，登记走访", en: "your visits; record one" },
      走访上报: { zh: "上报需走访的党员", en: "report a member to visit" },
      结对: { zh: "管理结对帮扶", en: "manage pairings" },
      组织结对: { zh: "组织之间结对共建", en: "organisations paired with organisations" },
      结对活动: { zh: "登记结对共建活动", en: "record a joint activity" },
      流动党员: { zh: "查看、登记流动党员", en: "mobile members" },
      走访改派: { zh: "改派未完成的走访", en: "hand open visits to another visitor" },
      走访统计: { zh: "走访覆盖和慰问金", en: "visit coverage and money" },
    },
  },
  {
    title: { zh: "审批与资金", en: "Approvals and the fund" },
    commands: {
      审批: { zh: "待我审批的申请", en: "requests waiting for you" },
      受托人: { zh: "指定帮扶审批受托人", en: "name an aid delegate" },
      档案: { zh: "困难党员档案", en: "hardship archive" },
      资金: { zh: "帮扶资金余额，登记收入", en: "fund balances; record income" },
      收支公开: { zh: "预览后在支部群公开年度收支", en: "preview, then post the year's fund summary" },
      冲正: { zh: "冲正有误的款项", en: "reverse a wrong payment" },
    },
  },
  {
    title: { zh: "表彰、培训与就业", en: "Commendations, training, jobs" },
    commands: {
      表彰记录: { zh: "本支部的表彰", en: "the branch's commendations" },
      表彰提名: { zh: "提名表彰优秀党员", en: "nominate a member" },
      培训记录: { zh: "登记支部培训和参加人", en: "record a training" },
      岗位发布: { zh: "发布岗位或就业政策", en: "post a job or a policy note" },
    },
  },
  {
    title: { zh: "组织关系", en: "Membership" },
    commands: {
      转出: { zh: "组织关系转出", en: "transfer a member out" },
      转入: { zh: "系统外党员转入", en: "transfer a member in" },
      去世: { zh: "登记党员去世", en: "record a death" },
      离开: { zh: "登记退党、出党", en: "record a member leaving" },
      停止党籍: { zh: "登记停止党籍", en: "suspend a membership" },
      恢复党籍: { zh: "恢复被停止的党籍", en: "restore a membership" },
      撤销变动: { zh: "撤销登记有误的变动", en: "undo a change" },
    },
  },
  {
    // The right to know (个人信息保护法): who read a member's records, for them and their secretary.
    title: { zh: "个人信息", en: "Your information" },
    commands: {
      谁看过我的档案: { zh: "谁查看或修改过我的记录", en: "who viewed or changed your records" },
      查阅记录: { zh: "谁查看过某位党员的记录", en: "who viewed a member's records" },
      导出我的数据: { zh: "把我的全部记录发给我（表格）", en: "all your records, as a spreadsheet" },
      导出谈心记录: { zh: "本支部谈心记录含内容（表格）", en: "the branch's talk records with notes" },
    },
  },
  {
    title: { zh: "支部工作", en: "Branch work" },
    commands: {
      分析: { zh: "支部季度分析", en: "the quarterly analysis" },
      党委总览: { zh: "党委看各支部数字", en: "a committee's view of its branches" },
      上报: { zh: "把事项上报上级党组织", en: "raise an item to the organisation above" },
      上报事项: { zh: "上级：支部上报的事项，答复办结", en: "above: items raised to you; answer them" },
      导出: { zh: "台账、谈心台账、走访统计表、资金台账（表格文件）", en: "ledgers and reports as spreadsheets" },
      年度报告: { zh: "全年工作报告和资金核对（卡片和表格）", en: "the year-end report, fund reconciled" },
      节假日安排: { zh: "全年放假和调休安排", en: "the year's holiday schedule" },
      节假日导入: { zh: "粘贴导入放假安排", en: "paste the holiday schedule" },
    },
  },
];

/** What 帮助 lists under 其他 for commands no topic names (帮助 itself is left out: they are reading it). */
export const OTHER_TOPIC: Text = { zh: "其他", en: "Other" };

/** The two or three commands a role reaches for most, for the help card's buttons, most important first. */
export const QUICK_BY_ROLE: Readonly<Record<RoleName, readonly string[]>> = {
  SECRETARY: ["审批", "谈心", "走访"],
  AID_DELEGATE: ["审批", "我的"],
  AFFAIRS_WORKER: ["资金", "走访"],
  LEADER: ["谈心", "走访", "困难上报"],
  MEMBER: ["求助", "我的", "我的谈心"],
};

/** Which role's buttons a person gets: the first of theirs in this order. */
export const QUICK_ROLE_ORDER: readonly RoleName[] = ["SECRETARY", "AID_DELEGATE", "LEADER", "AFFAIRS_WORKER", "MEMBER"];
