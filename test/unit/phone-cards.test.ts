// Cards read on a phone: 帮助 lists only what the reader may use (no English aliases on the
// Chinese side), 我的 leaves out empty sections, 收支公开 is a small table, names sit in Chinese
// text without stray spaces, and the visit form's goods example fits the festival. The bot
// parts run over the Lark double with real PostgreSQL and Redis; the cards are drawn directly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disclosureCard } from "../../cards/aid-fund.ts";
import { CARD_CATALOG } from "../../cards/catalog.ts";
import { visitFormCard } from "../../cards/visit-complete.ts";
import type { SummaryRow } from "../../src/domain/aid-rules.ts";
import { COMMANDS } from "../../src/bot/registry.ts";
import { giftExamples } from "../../src/domain/visit-gifts.ts";
import { validateContent } from "../../src/double/cards.ts";
import { renderCard } from "../../src/sandbox/page/render-card.ts";
import { findAll, textOf } from "../../src/sandbox/page/vnode.ts";
import type { Harness } from "../support/harness.ts";
import { clickCard, command, fund, seedBranch, startAidHarness, type Branch } from "../aid/support.ts";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every Chinese-side string of a card: contents, i18n zh_cn sides, table titles and cells; never an English side. */
function zhStrings(node: unknown, out: string[] = []): string[] {
  if (typeof node === "string") out.push(node);
  else if (Array.isArray(node)) node.forEach((x) => zhStrings(x, out));
  else if (isObj(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (k === "en_us") continue;
      // Callback values and names are data, not text anyone reads.
      if (k === "behaviors" || k === "name" || k === "tag" || k === "value") continue;
      zhStrings(v, out);
    }
  }
  return out;
}
const zhOf = (card: unknown) => zhStrings(card).join("\n");

const CJK = "[\\u4e00-\\u9fa5]";

describe("帮助, 我的 and 收支公开 over the double", () => {
  let h: Harness;
  let a: Branch;
  beforeAll(async () => {
    h = await startAidHarness();
    a = await seedBranch(h, "pc", { prefix: "辛" });
    await fund(h, a.orgId, "PARTY_FEE", 1234);
  });
  afterAll(async () => h?.close());

  it("help for a member lists member commands only, grouped, with no English aliases, and a button row", async () => {
    const [reply] = await command(h, a.member, "帮助");
    const zh = zhOf(reply!.content);
    for (const word of ["求助与申请", "**求助**", "**我的**", "**培训申请**", "**我的谈心**"]) expect(zh).toContain(word);
    // Secretary, leader and fund commands are not theirs.
    for (const word of ["**审批**", "**资金**", "**转出**", "**分析**", "**谈心记录**", "**档案**", "**受托人**", "**冲正**", "组织关系"]) expect(zh).not.toContain(word);
    // English aliases stay on the English side.
    for (const alias of ["help me", "my requests", "my talks", "training", "whoami"]) expect(zh).not.toContain(alias);
    const buttons = findAll(renderCard(reply!.content).node, (e) => e.tag === "button").map((b) => textOf(b));
    expect(buttons).toEqual(["求助", "我的", "我的谈心"]);
  });

  it("help for the secretary leads with what they decide", async () => {
    const [reply] = await command(h, a.secretary, "帮助");
    const zh = zhOf(reply!.content);
    for (const word of ["审批与资金", "**审批**", "**转出**", "**谈心**"]) expect(zh).toContain(word);
    const buttons = findAll(renderCard(reply!.content).node, (e) => e.tag === "button").map((b) => textOf(b));
    expect(buttons).toEqual(["审批", "谈心", "走访"]);
  });

  it("help in a group lists what works there and says where the rest is", async () => {
    const [reply] = await command(h, a.member, "帮助", { chatId: a.chatId });
    const zh = zhOf(reply!.content);
    expect(zh).toContain("**表彰记录**");
    expect(zh).not.toContain("**求助**");
    expect(zh).toMatch(/另有 \d+ 项涉及个人信息/);
  });

  it("我的 with nothing on record: no empty sections, one friendly line and what to start", async () => {
    const [reply] = await command(h, a.member2, "我的");
    const zh = zhOf(reply!.content);
    expect(zh).toContain("您还没有申请或记录");
    // A section is its bold title on a line of its own; none is drawn, and nothing says "none yet".
    for (const title of ["帮扶申请", "培训", "就业帮扶", "表彰", "提问", "谈心谈话"]) expect(zh).not.toMatch(new RegExp(`\\*\\*${title}\\*\\*(\\n|$)`, "m"));
    expect(zh).not.toContain("暂无");
    const buttons = findAll(renderCard(reply!.content).node, (e) => e.tag === "button").map((b) => textOf(b));
    expect(buttons).toContain("求助");
  });

  it("收支公开 posts a table the double accepts, one row per source", async () => {
    const [preview] = await command(h, a.secretary, "收支公开");
    await clickCard(h, a.secretary, preview!, "fund-disclose-confirm");
    const posted = await h.double.waitForMessage({ to: a.chatId, where: (m) => JSON.stringify(m.content).includes("帮扶资金收支公开") });
    const table = (posted.content as { body: { elements: Json[] } }).body.elements.find((e) => e.tag === "table");
    expect(table).toBeDefined();
    expect(table!.rows).toHaveLength(3);
    expect(JSON.stringify(table!.rows)).toContain("¥1,234.00");
  });
});

describe("收支公开 as a table", () => {
  const row = (source: SummaryRow["source"], incomeFen: number, disbursedFen: number): SummaryRow => ({
    source,
    openingFen: 10_000,
    incomeFen,
    incomeCount: 1,
    disbursedFen,
    disbursedCount: 1,
    reversedPaidFen: 0,
    reversedPaidCount: 0,
    reversedIncomeFen: 0,
    reversedIncomeCount: 0,
    closingFen: 10_000 + incomeFen - disbursedFen,
  });
  const rows = [row("LOCAL_FINANCE", 500_000, 123_400), row("PARTY_FEE", 200_000, 0), row("DONATION", 1_000, 1_000)];
  const total = { openingFen: 30_000, incomeFen: 701_000, incomeCount: 3, disbursedFen: 124_400, disbursedCount: 3, reversedPaidFen: 0, reversedPaidCount: 0, reversedIncomeFen: 0, reversedIncomeCount: 0, closingFen: 606_600 };
  const card = disclosureCard({ orgName: "磐东居委第一党支部", year: 2027, rows, total, asOf: "2027-12-31" });

  it("has three rows (本级财政, 党费, 捐赠) and 收入/支出/余额 columns, money right-aligned as ¥1,234.00", () => {
    const table = card.body.elements.find((e) => e.tag === "table") as unknown as Json & { columns: Json[]; rows: Json[] };
    expect(table.columns.map((c) => c.display_name)).toEqual(["资金来源", "收入", "支出", "余额"]);
    expect(table.columns.slice(1).every((c) => c.horizontal_align === "right")).toBe(true);
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0]).toMatchObject({ source: "地方财政拨付", income: "¥5,000.00", paid: "¥1,234.00", closing: "¥3,866.00" });
    expect(() => validateContent("interactive", JSON.stringify(card))).not.toThrow();
  });

  it("renders in the sandbox as a table, in either language", () => {
    const { node, unknown } = renderCard(card);
    expect(unknown).toEqual([]);
    expect(findAll(node, (e) => e.tag === "tbody")[0]!.children.length).toBe(3);
    const en = renderCard(card, { locale: "en_us" });
    expect(findAll(en.node, (e) => e.tag === "th").map((th) => textOf(th))).toEqual(["Source", "Income", "Aid paid", "Balance"]);
  });

  it("the double refuses a table inside a column", () => {
    const nested = { ...card, body: { elements: [{ tag: "column_set", columns: [{ tag: "column", elements: [card.body.elements[0]] }] }] } };
    expect(() => validateContent("interactive", JSON.stringify(nested))).toThrow(/root/);
  });
});

describe("names without stray spaces", () => {
  // Sample people in the catalog; a name may sit by a number or Latin with a space, never by Chinese.
  const NAMES = ["张三", "李四", "王五", "赵六", "周八", "冯兰", "李明", "陈芳", "王建国", "赵书记"];
  const COMMAND_WORDS = COMMANDS.map((c) => c.name);
  const strays = [new RegExp(`${CJK} ${CJK}{2,4} ${CJK}`), ...NAMES.flatMap((n) => [new RegExp(`${CJK} ${n}`), new RegExp(`${n} ${CJK}`)])];

  it.each(Object.entries(CARD_CATALOG))("%s has no space between a name and Chinese", (_name, build) => {
    // What to type (「撤销变动 张三」, a button 谈心 张三) keeps its space: the command word and its argument.
    const typed = (s: string) => COMMAND_WORDS.reduce((x, w) => x.replaceAll(`${w} `, "「」"), s.replace(/「[^」]*」/g, "「」"));
    const bad = zhStrings(build()).filter((s) => strays.some((re) => re.test(typed(s))));
    expect(bad).toEqual([]);
  });
});

describe("season-right goods examples", () => {
  it.each([
    ["SPRING_FESTIVAL", null, "春联"],
    ["JULY_FIRST", null, "学习资料"],
    ["MID_AUTUMN", null, "月饼"],
    ["DOUBLE_NINTH", null, "老年用品"],
    ["DRAGON_BOAT", "端午", "粽子"],
  ] as const)("%s (%s) suggests %s", (festival, festivalName, expected) => {
    const goods = giftExamples({ festival, festivalName, eventKind: null });
    expect(goods.zh).toContain(expected);
    if (festival !== "MID_AUTUMN") expect(goods.zh).not.toContain("月饼");
  });

  it("an event visit suggests what fits the event", () => {
    expect(giftExamples({ festival: null, eventKind: "ILLNESS" }).zh).toContain("营养品");
  });

  it("the 春节 visit form shows 米面油 and 春联, not mooncakes", () => {
    const form = visitFormCard({
      taskId: 1,
      memberName: "王五",
      orgName: "磐东居委第一党支部",
      what: { zh: "春节走访（2027）", en: "Spring Festival visit (2027)" },
      reason: { zh: "老党员", en: "veteran" },
      dueOn: "2027-02-06",
      today: "2027-02-01",
      sources: [],
      goodsExample: giftExamples({ festival: "SPRING_FESTIVAL", eventKind: null }),
    });
    const text = zhOf(form);
    expect(text).toContain("例如：米面油、春联");
    expect(text).not.toContain("月饼");
  });
});
