// The words people use, in one place. Each key is a command's name or one of its aliases (the
// registry's words, src/bot/*/registry.ts); its list holds the ordinary ways members, leaders
// and secretaries type the same wish on a phone. A phrase runs its command when it is all that
// was said (fillers aside: "帮忙吧") or is followed by a space and arguments ("谈话 张三"); the
// registry's own words also run with arguments glued on ("谈心张三"). A key the registry does
// not hold (a command still being built) is skipped, so the table may run ahead of the code.
//
// To add a phrase: put it under the command word it means, and add a row to
// test/unit/phrases.test.ts. Keep a phrase that could mean two commands out of this table and
// in HINTS instead: a hint only ranks suggestions, it never runs anything.

/** Command word → phrases that mean exactly it. */
export const PHRASES: Readonly<Record<string, readonly string[]>> = {
  // core
  帮助: ["帮助菜单", "主菜单", "功能", "功能列表", "功能菜单", "有什么功能", "有哪些功能", "都有什么功能", "能做什么", "你能做什么", "你会什么", "你能干什么", "可以做什么", "怎么用", "如何使用", "使用说明", "使用帮助", "说明", "操作指南", "指南", "不会用", "怎么操作", "命令", "指令", "命令列表", "目录", "commands", "menu", "what can you do"],
  我是谁: ["我的身份", "身份", "查身份", "我的角色", "我是什么角色", "我是什么身份", "我的信息", "个人信息", "who am i"],
  语言: ["语言设置", "设置语言", "改语言", "更改语言", "换语言", "language settings"],
  english: ["英文版", "换成英文", "切换成英文", "改成英文", "用英文", "说英文", "英文模式", "english please", "in english"],
  中文: ["中文版", "换成中文", "切换成中文", "改成中文", "用中文", "说中文", "中文模式", "汉语", "in chinese"],

  // aid
  求助: ["帮忙", "帮帮忙", "帮帮我", "救救我", "求援", "救助", "申请救助", "求救", "救急", "帮扶", "申请帮助", "申请求助", "求帮助", "需要帮助", "需要帮扶", "急需帮助", "困难补助", "申请补助", "补助", "困难求助", "困难帮扶", "申请困难补助", "申请困难帮扶", "生活困难", "家庭困难", "家里困难", "经济困难", "看病没钱", "生病没钱", "住院没钱", "没钱看病", "医疗救助", "大病救助", "临时救助", "交不起学费", "sos"],
  代为求助: ["代申请", "代办求助", "替他申请", "替她申请", "帮他求助", "帮她求助", "代他申请", "代她申请", "帮别人求助", "代为申请帮扶"],
  我的: ["我的申请进度", "申请进度", "进度", "查进度", "查询进度", "我的进度", "办理进度", "我的求助进度", "求助进度", "帮扶进度", "申请结果", "我的记录", "我的帮扶", "我提交的", "我申请的", "批了吗", "批了没有", "批了没", "审批结果", "mine"],
  审批: ["审核", "我的审批", "待办", "待审", "待审核", "待处理", "我的待办", "待我审批", "审批申请", "审核申请", "批申请", "审批列表", "处理申请", "去审批", "帮扶审批"],
  受托人: ["委托审批", "指定受托人", "审批受托人", "审批委托"],
  资金: ["资金余额", "余额", "查余额", "帮扶资金余额", "资金情况", "资金账", "经费", "收支", "收支情况", "资金收支", "收入登记", "登记收入", "资金流水", "流水"],
  收支公开: ["公开收支", "资金公示", "收支公示", "财务公开", "账目公开", "公示"],
  冲正: ["冲账", "冲销", "红冲", "撤销付款", "撤销款项"],
  档案: ["困难党员", "困难党员名单", "困难台账", "建档", "困难户", "困难户名单"],
  // Being built next to this table (withdraw a pending request, remind the decider).
  撤回: ["撤回申请", "撤回求助", "撤销申请", "撤销求助", "取消申请", "取消求助", "不申请了", "不要了"],
  催办: ["催", "催促", "催审批", "催一催", "催下", "加急", "怎么还没批", "怎么还没审批", "还没批", "还没审批"],

  // talks
  谈心: ["谈话", "约谈", "谈心任务", "记录谈心", "记录谈话", "登记谈话", "登记谈心", "谈心提醒", "谈话提醒", "待谈心", "谈心名单", "谈话名单", "谈心到期"],
  我的谈心: ["我的谈话", "我的谈心记录", "我的谈话记录", "找我谈话", "谁找我谈过", "和我的谈话", "和我谈心"],
  谈心记录: ["谈话记录", "查谈话记录", "查谈心记录", "谈话笔记", "谈心笔记"],
  困难上报: ["上报困难", "报告困难", "困难报告", "紧急谈心", "上报问题", "重大困难"],
  分配谈心: ["谈心分配", "分配谈话", "安排谈心", "谈心安排", "指定谈话人", "分配联系人"],
  分析: ["季度分析", "支部分析", "情况分析", "分析报告", "统计分析"],

  // visits
  走访: ["慰问", "慰问任务", "走访任务", "走访慰问", "探望", "看望", "家访", "登记走访", "记录走访"],
  走访上报: ["上报走访", "报走访", "需要走访", "申请走访", "上报慰问"],
  结对: ["结对子", "党员结对", "挂钩", "联系点", "一对一帮扶"],
  走访统计: ["走访情况", "走访覆盖", "慰问统计", "慰问金统计", "走访完成情况", "慰问情况"],
  流动党员: ["外出党员", "在外党员", "失联党员", "流动"],
  走访改派: ["改派", "改派走访", "换人走访", "转派"],

  // work
  培训申请: ["培训报名", "报名培训", "参加培训", "想参加培训", "学习补贴", "培训补贴", "进修", "学习申请", "申请学习"],
  培训记录: ["培训登记", "记录培训", "培训签到"],
  求职登记: ["求职", "找份工作", "想找工作", "找活", "找活干", "失业", "失业了", "没工作", "没有工作", "失业登记", "就业"],
  已就业: ["找到工作了", "找到活了", "工作找到了", "上班了", "已经上班", "已上岗", "就业了"],
  岗位发布: ["发岗位", "发布招聘", "发招聘", "推送岗位", "发布就业政策"],
  表彰提名: ["提名", "推荐表彰", "推荐优秀党员", "评优", "评先", "推优"],
  表彰记录: ["表彰名单", "光荣榜", "荣誉", "获奖名单"],
  提问: ["问问题", "有问题", "我有问题", "问一下", "咨询", "反映问题", "反映情况", "留言", "建议", "意见"],

  // roster
  转出: ["转走", "关系转出", "转出组织关系"],
  转入: ["转进", "关系转入", "转入组织关系", "接收党员"],
  去世: ["过世", "离世", "病故", "去世登记", "登记去世"],
  离开: ["脱党", "退党登记"],
  停止党籍: ["停党籍", "暂停党籍"],
  恢复党籍: ["恢复党员"],
  撤销变动: ["撤销组织关系变动", "变动撤销", "撤回变动"],

  // privacy
  谁看过我的档案: ["谁看了我的档案", "谁看过我的记录", "谁看了我的记录", "谁查过我的档案", "谁查过我的记录", "谁查看过我的记录", "谁查阅了我的记录", "我的档案查阅记录", "我的查阅记录", "谁动过我的档案", "who read my file"],
  查阅记录: ["档案查阅", "查阅情况", "查看记录审计", "审计记录", "审计日志", "谁看过他的档案", "谁看过她的档案"],
  导出我的数据: ["导出我的信息", "导出我的记录", "下载我的数据", "下载我的信息", "我的全部数据", "我的全部记录", "我的个人数据", "个人数据", "个人数据导出", "导出个人数据", "export my records"],
  导出谈心记录: ["导出谈话记录", "下载谈心记录", "下载谈话记录", "谈心记录导出", "谈话记录导出", "导出谈心台账"],

  // calendar
  节假日安排: ["放假", "调休", "假期", "假期安排", "调休安排", "工作日安排"],
  节假日导入: ["导入放假安排", "录入节假日", "导入假期"],
};

/**
 * Phrases that start a question in the person's own words ("我想问一下党费怎么交"): offered as
 * 「提问 党费怎么交」 for one click, never sent on a guess.
 */
export const QUESTION_OPENERS: Readonly<Record<string, readonly string[]>> = {
  提问: ["问一下", "想问", "问问", "咨询一下", "咨询", "请教一下", "请教"],
};

/**
 * Hello and the like: answered with the help card and a friendly line. Said alone, or before a
 * wish ("你好，我要求助"), where they are skipped like a polite wrapper.
 */
export const GREETINGS: readonly string[] = ["你好", "您好", "你好呀", "你好啊", "大家好", "哈喽", "嗨", "hi", "hello", "hey", "在吗", "在么", "在不在", "在嘛", "有人吗", "早", "早上好", "上午好", "中午好", "下午好", "晚上好", "同心", "同心你好", "喂"];

/** Thanks and acknowledgements: a short friendly answer, no card. */
export const THANKS: readonly string[] = ["谢谢", "谢谢你", "谢谢您", "多谢", "感谢", "非常感谢", "好的", "好", "收到", "知道了", "明白了", "明白", "嗯", "嗯嗯", "ok", "okay", "thanks", "thank you", "辛苦了"];

/**
 * Polite wrappers and verbs before the wish ("请问", "我想申请帮扶" → 申请帮扶, "帮我看看我的谈心"
 * → 我的谈心). Skipped only from the front and only when the words after them are a command: a
 * name or an argument is never touched.
 */
export const WRAPPERS: readonly string[] = [
  ...GREETINGS,
  // The bot's name typed by hand: a real @-mention is already gone (src/lark/events.ts).
  "@同心", "@",
  "请问", "请你", "请您", "请帮我", "请", "麻烦你", "麻烦您", "麻烦", "劳驾",
  "我要", "我想要", "我想", "我需要", "我得", "我来", "我", "想要", "想", "要", "需要",
  "能不能", "能否", "可不可以", "可以", "可否", "能", "怎么", "怎样", "如何", "在哪里", "在哪",
  "帮我", "帮忙", "给我", "替我",
  "看看", "看一下", "看", "查看", "查一下", "查查", "查询", "查", "打开", "显示", "进入", "去", "点",
  "申请", "提交", "发起", "办理", "登记",
  "please", "pls", "i want to", "i want", "i need", "show me", "open",
];

/** Said after a wish, they add nothing ("求助一下", "审批吧", "我的申请呢"). */
export const FILLERS: readonly string[] = ["一下子", "一下", "好吗", "可以吗", "行吗", "好不好", "谢谢你", "谢谢您", "谢谢", "吧", "呢", "吗", "嘛", "啊", "呀", "哦", "哈", "啦", "了", "哟", "呗", "下", "please", "pls", "thanks"];

/**
 * Words of a member in trouble: a text holding one of these and no clear other command is
 * offered 求助 first.
 */
export const TROUBLE_WORDS: readonly string[] = ["求助", "救助", "帮忙", "帮帮", "困难", "生病", "病了", "住院", "看病", "手术", "医药费", "医疗费", "没钱", "缺钱", "急用钱", "救命", "受灾", "遭灾", "失火", "车祸"];

/** Loose hints: a text holding one of these ranks that command higher among the suggestions. */
export const HINTS: Readonly<Record<string, readonly string[]>> = {
  帮助: ["功能", "怎么用", "不会用", "帮助", "菜单", "help"],
  求助: ["钱", "病", "医", "困难", "补助", "救"],
  我的: ["进度", "结果", "申请", "批了"],
  审批: ["审", "批", "待办"],
  资金: ["钱", "余额", "经费", "资金", "收入", "支出"],
  收支公开: ["公开", "公示"],
  冲正: ["冲", "撤销", "付错", "多付"],
  撤回: ["撤回", "取消", "撤销"],
  催办: ["催", "还没"],
  谈心: ["谈", "谈话"],
  我的谈心: ["谈", "谈话"],
  谈心记录: ["记录", "谈话"],
  走访: ["慰问", "看望", "探望", "走访"],
  走访上报: ["上报", "住院", "去世", "受灾"],
  培训申请: ["培训", "学习"],
  求职登记: ["工作", "就业", "失业", "招聘", "岗位"],
  岗位发布: ["岗位", "招聘"],
  表彰记录: ["表彰", "表扬", "优秀"],
  表彰提名: ["表彰", "提名", "优秀"],
  提问: ["问", "请问", "为什么", "咨询", "书记"],
  档案: ["档案", "困难"],
  节假日安排: ["放假", "假", "节日"],
  转出: ["转", "组织关系"],
  转入: ["转", "组织关系"],
};

/**
 * Characters a pinyin keyboard puts in the place of a command's ("谈新" for 谈心, "球助" for 求助,
 * "申清" for 申请): each slip → the character meant. Read only to suggest, never to run.
 */
export const HOMOPHONES: Readonly<Record<string, string>> = slips({
  求: "球秋囚裘", 助: "住注祝主柱驻", 谈: "弹坛探痰谭", 心: "新信欣辛芯薪", 申: "身深伸绅", 请: "清情晴轻青",
  审: "婶沈神", 批: "披皮匹", 资: "姿咨滋", 金: "今斤津", 走: "奏", 访: "放方房仿", 档: "挡当", 案: "暗岸",
  帮: "邦绑榜", 扶: "服福浮符", 提: "题体", 问: "文闻稳", 职: "直值植", 登: "灯等", 记: "计纪机级",
  培: "陪赔", 训: "讯迅询", 表: "标彪", 彰: "章", 转: "专砖", 出: "初", 我: "窝", 的: "得地",
  结: "节接", 对: "队", 析: "西希", 冲: "充", 正: "证整政", 流: "留", 动: "东冬", 统: "通",
  语: "雨与", 言: "严盐研", 谁: "水", 假: "价架", 排: "牌", 导: "倒", 世: "市", 业: "夜", 托: "拖脱",
});

function slips(meant: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(meant).flatMap(([ch, wrong]) => [...wrong].map((w) => [w, ch])));
}
