// What an import did, as data (RosterReport) and as text for the secretary, in Chinese, ending
// in one summary line (结果：…) that a log keeps whole.
import { itemText, type ReviewItem } from "../domain/roster-review.ts";
import type { BoundPerson, UnboundPerson } from "./bind-lark.ts";
import { formatProblem, type RosterProblem } from "./problems.ts";
import type { Counts } from "./write.ts";

export interface RosterReport {
  readonly file: string;
  readonly format: "xlsx" | "csv";
  readonly encoding?: "utf-8" | "gb18030";
  /** Person rows read (blank rows do not count). */
  readonly rowsRead: number;
  readonly rowsImported: number;
  readonly rowsRejected: number;
  /** Rows of the 组织 sheet/section read and rejected. */
  readonly orgRowsRead: number;
  readonly orgRowsRejected: number;
  /** Ordered by sheet then line. Any error makes `ok` false. */
  readonly errors: readonly RosterProblem[];
  readonly warnings: readonly RosterProblem[];
  readonly organizations: Counts;
  readonly people: Counts;
  readonly lark: {
    /** skipped: no Lark client was given (sandbox without a double, or tests). */
    readonly status: "skipped" | "done" | "failed";
    readonly bound: readonly BoundPerson[];
    readonly unbound: readonly UnboundPerson[];
    readonly error?: string;
  };
  /**
   * Removals the file implies (people missing from it, members it lists in another branch,
   * roles it no longer gives): written as RosterReviews for the secretary to confirm in chat.
   * "skipped" when rows had errors (who is missing cannot be told then).
   */
  readonly review: {
    readonly status: "none" | "proposed" | "skipped";
    readonly reviews: readonly { readonly id: number; readonly orgName: string; readonly items: readonly ReviewItem[]; readonly sentTo: readonly string[] }[];
  };
  readonly ok: boolean;
}

const byPlace = (a: RosterProblem, b: RosterProblem) => (a.sheet ?? "").localeCompare(b.sheet ?? "") || a.line - b.line;
export const sortProblems = (ps: readonly RosterProblem[]): RosterProblem[] => [...ps].sort(byPlace);

const counts = (c: Counts) => `新建 ${c.created}，更新 ${c.updated}，未变 ${c.unchanged}`;

function contact(p: UnboundPerson): string {
  return [p.mobile, p.email].filter(Boolean).join("，");
}

export function formatReport(r: RosterReport): string {
  const out: string[] = [];
  out.push(`花名册导入：${r.file}`);
  const orgPart = r.orgRowsRead > 0 ? `；组织表 ${r.orgRowsRead} 行${r.orgRowsRejected > 0 ? `，${r.orgRowsRejected} 行有错误` : ""}` : "";
  out.push(
    `读取党员 ${r.rowsRead} 行，导入 ${r.rowsImported} 行${r.rowsRejected > 0 ? `，${r.rowsRejected} 行有错误未导入` : ""}${orgPart}。`,
  );
  if (r.errors.length > 0) {
    out.push("", "错误（这些行没有导入，请改正后重新导入整个文件）：");
    for (const p of r.errors) out.push(`  ${formatProblem(p)}`);
  }
  if (r.warnings.length > 0) {
    out.push("", "提醒（不影响导入）：");
    for (const p of r.warnings) out.push(`  ${formatProblem(p)}`);
  }
  out.push("", `党组织：${counts(r.organizations)}`, `党员：${counts(r.people)}`);
  if (r.lark.status === "skipped") out.push("飞书绑定：未连接飞书，跳过");
  else {
    const notFound = r.lark.unbound.filter((u) => u.reason === "not_found");
    const taken = r.lark.unbound.filter((u) => u.reason === "taken");
    out.push(`飞书绑定：本次绑定 ${r.lark.bound.length} 人${r.lark.unbound.length > 0 ? `，未绑定飞书 ${r.lark.unbound.length} 人` : ""}`);
    if (r.lark.error) out.push(`  飞书接口出错，绑定未完成：${r.lark.error}（稍后重新导入同一文件即可补绑）`);
    if (notFound.length > 0) {
      out.push("  未绑定飞书（飞书通讯录里找不到这个手机号或邮箱，请核对或先邀请其加入飞书）：");
      for (const u of notFound) out.push(`    第${u.line}行 ${u.name}（${contact(u)}）`);
    }
    for (const u of taken) {
      out.push(`  第${u.line}行 ${u.name}：对应的飞书账号已绑定到系统中的“${u.takenBy?.name ?? "?"}”（编号 ${u.takenBy?.id ?? "?"}），请核对`);
    }
  }
  out.push(...reviewLines(r.review));
  out.push("", summaryLine(r));
  return out.join("\n");
}

/** The removals waiting for the secretary, and how they are confirmed. */
function reviewLines(review: RosterReport["review"]): string[] {
  if (review.status === "skipped") return ["", "名册移除：文件中有错误的行，本次不核对名册中缺少的人员；改正后重新导入整个文件即可。"];
  if (review.status === "none") return [];
  const out = ["", "待确认的名册变动（尚未生效，人员和角色暂时保持不变）："];
  for (const r of review.reviews) {
    out.push(`  ${r.orgName}（清单编号 ${r.id}）：`);
    for (const i of r.items) out.push(`    ${itemText(i).zh}`);
    out.push(
      r.sentTo.length > 0
        ? `    已发送「名册变动待确认」卡片给 ${r.sentTo.join("、")}：在飞书中点「确认移除」后生效（记录保留），点「暂不处理」则不变。`
        : "    没有可以确认的支部书记（本组织及上级都没有已绑定飞书的书记）：请先在名册中填写支部书记并完成飞书绑定，再重新导入。",
    );
  }
  return out;
}

function summaryLine(r: RosterReport): string {
  const lark =
    r.lark.status === "skipped"
      ? "未连接飞书"
      : `飞书绑定 ${r.lark.bound.length} 人，未绑定 ${r.lark.unbound.length} 人${r.lark.error ? `，接口出错：${r.lark.error}` : ""}`;
  const pending = r.review.reviews.reduce((n, x) => n + x.items.length, 0);
  const review = r.review.status === "proposed" ? `；${pending} 项名册移除待支部书记确认` : r.review.status === "skipped" ? "；有错误的行，未核对名册移除" : "";
  return (
    `结果：${r.ok ? "成功" : "有错误"}；读取 ${r.rowsRead} 行，导入 ${r.rowsImported} 行，${r.rowsRejected} 行未导入` +
    `${r.orgRowsRejected > 0 ? `，组织表 ${r.orgRowsRejected} 行有错误` : ""}；` +
    `党组织${counts(r.organizations)}；党员${counts(r.people)}；${lark}${review}。`
  );
}
