// 岗位发布: the form a secretary or affairs worker posts job information or a policy note with,
// and the receipt saying who got it now, who gets it with next week's card, and who is not on Lark.
import { DESCRIPTION_MAX } from "../src/domain/aid-rules.ts";
import { JOB_KIND_LABEL, JOB_KINDS, POSTING_TYPE_LABEL, POSTING_TYPES } from "../src/domain/job-match.ts";
import { joinText, mdLines, multiSelect } from "./aid-common.ts";
import { postingLines, type PostingView } from "./job-seek.ts";
import { button, card, columns, form, hr, input, note, select, t, type Card, type Text } from "./kit.ts";
import { WORK_ACTION } from "./work-common.ts";

export function jobPostFormCard(data: { orgId: number; orgName: string; seekers: number }): Card {
  return card({
    title: t(`岗位发布 · ${data.orgName}`, `Post a job · ${data.orgName}`),
    subtitle: { zh: `本支部求职登记 ${data.seekers} 人；意向匹配者将收到推送（每人每周最多一次）`, en: `${data.seekers} looking for work; those whose wishes match get it (at most weekly)` },
    template: "turquoise",
    elements: [
      form("job_post", [
        select({ name: "type", placeholder: t("信息类型", "Type"), required: true, initial: "JOB", options: POSTING_TYPES.map((x) => ({ value: x, text: POSTING_TYPE_LABEL[x] })) }),
        input({ name: "title", label: t("标题", "Title"), required: true, maxLength: 100, placeholder: t("例如：物业维修电工 2 名", "e.g. 2 maintenance electricians") }),
        columns([[input({ name: "employer", label: t("用人单位（可不填）", "Employer (optional)"), maxLength: 100 })], [input({ name: "area", label: t("工作地点（可不填）", "Where (optional)"), maxLength: 50 })]]),
        multiSelect({ name: "kinds", placeholder: t("岗位类别（岗位信息必选）", "Kind of work (for a job)"), options: JOB_KINDS.map((k) => ({ value: k, text: JOB_KIND_LABEL[k] })) }),
        columns([[input({ name: "pay", label: t("待遇（可不填）", "Pay (optional)"), maxLength: 100 })], [input({ name: "contact", label: t("联系方式（可不填）", "Contact (optional)"), maxLength: 100 })]]),
        input({ name: "details", label: t("详细说明 / 政策内容", "Details / the policy"), required: true, multiline: true, maxLength: DESCRIPTION_MAX }),
        button({ text: t("发布并推送", "Post and send"), action: WORK_ACTION.jobPostSubmit, value: { o: data.orgId }, type: "primary_filled", name: "post", submit: true }),
      ]),
      note(t("政策咨询推送给所有求职登记的党员；岗位信息按意向类别和地点匹配。", "Policy notes go to everyone looking for work; jobs go by kind and place.")),
    ],
  });
}

export function jobPostReceiptCard(data: { posting: PostingView; now: string[]; held: string[]; offline: string[] }): Card {
  const names = (xs: string[]): Text => (xs.length === 0 ? t("无", "none") : joinText(xs.map((x) => ({ zh: x, en: x }))));
  return card({
    title: t("岗位信息已发布", "Posted"),
    template: "green",
    elements: [
      mdLines(postingLines(data.posting)),
      hr(),
      mdLines([
        { zh: `**已推送**（${data.now.length} 人）：${names(data.now).zh}`, en: `**Sent now** (${data.now.length}): ${names(data.now).en}` },
        { zh: `**下周推送**（本周已收到过推送，${data.held.length} 人）：${names(data.held).zh}`, en: `**Next week** (had a card this week, ${data.held.length}): ${names(data.held).en}` },
        ...(data.offline.length > 0 ? [{ zh: `**未使用飞书，请线下转告**（${data.offline.length} 人）：${names(data.offline).zh}`, en: `**Not on Lark, tell them in person** (${data.offline.length}): ${names(data.offline).en}` }] : []),
      ]),
    ],
  });
}
