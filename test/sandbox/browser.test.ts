// The sandbox page in a real browser (Debian's Chromium), against the whole bot in sandbox
// mode. People type and click as they would in Lark; every step is checked on the page and,
// where it matters, in the database and the Lark double. Screenshots go to test-results/sandbox.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { button, card, datePicker, form, input, select, t } from "../../cards/kit.ts";
import { SCHEDULES } from "../../src/jobs/schedules.ts";
import { DEMO_BRANCH, DEMO_GROUP_CHAT } from "../../src/sandbox/demo-branch.ts";
import { launchChromium, screenshot, watchErrors } from "./support/browser.ts";
import { botCard, openAs, openChat, openIdOf, p2pOf, say, switchTo, toastText } from "./support/page.ts";
import { startSandbox, type Sandbox } from "./support/sandbox.ts";

// A Monday morning in Beijing, so dates on the page are predictable.
const START = new Date("2026-03-02T09:00:00+08:00");

let browser: Browser | undefined;
let sb: Sandbox | undefined;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  sb = await startSandbox({ clockStart: START });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sb?.close();
});

beforeEach(async () => {
  context = await browser!.newContext({ viewport: { width: 1400, height: 1000 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  errors = watchErrors(page);
});

afterEach(async () => {
  await context.close();
  expect(errors, "the page logged errors").toEqual([]);
});

describe("sandbox page", () => {
  it("a member asks for help, the secretary records fund income and approves, the member sees the result", async () => {
    const s = sb!;
    // 1. 张三 opens his chat with the bot and is welcomed.
    await openAs(page, s.url, "张三");
    await botCard(page, "欢迎使用同心").waitFor();
    await screenshot(page, "aid-01-member-welcome");

    // 2. He asks what the bot can do; 求助 is among the commands.
    await say(page, "帮助");
    const help = botCard(page, "能帮您做什么");
    await help.waitFor();
    await expect(help.innerText()).resolves.toContain("求助");
    await expect(help.locator(".card-header").getAttribute("class")).resolves.toContain("tpl-red");
    await screenshot(page, "aid-02-member-help");

    // 3. He files a request with the form card; the card turns into the receipt in place.
    await say(page, "求助");
    const formRow = botCard(page, "申请帮扶");
    await formRow.waitFor();
    const formMessageId = await formRow.getAttribute("data-message-id");
    await formRow.locator("select[name=category]").selectOption({ index: 1 });
    await formRow.locator("textarea[name=description]").fill("母亲住院做手术，医药费自付部分较多，家里一时周转困难。");
    await formRow.locator("input[name=amount]").fill("1500");
    await screenshot(page, "aid-03-member-form-filled", formRow);
    await formRow.getByRole("button", { name: "提交申请" }).click();
    // The toast in his language only (Chinese): no English line under it.
    expect(await toastText(page, "申请已提交")).not.toMatch(/Filed/);
    const receipt = page.locator(`[data-message-id="${formMessageId}"]`);
    await receipt.locator(".card-title", { hasText: "帮扶申请已提交" }).waitFor();
    await expect(receipt.innerText()).resolves.toContain("1,500.00 元");
    await screenshot(page, "aid-04-member-receipt", receipt);

    const member = await s.db.prisma.person.findUniqueOrThrow({ where: { larkOpenId: openIdOf("张三") } });
    // The description is sealed at rest: the request is found by its member (the only one filed).
    const request = await s.db.prisma.aidRequest.findFirstOrThrow({ where: { personId: member.id }, orderBy: { id: "desc" } });
    await expect(receipt.locator(".card-title").innerText()).resolves.toContain(request.number);
    expect(request).toMatchObject({ status: "PENDING", requestedFen: 150_000 });
    // The click reached the bot through the double as a callback, which replaced the card.
    expect(s.double.message(formMessageId!)?.history.map((h) => h.via)).toEqual(["create", "callback"]);

    // 4. The secretary switches in: the approval card is waiting in his chat.
    await switchTo(page, "王建国");
    const approval = botCard(page, `帮扶申请审批 · ${request.number}`);
    await approval.waitFor();
    await expect(approval.innerText()).resolves.toContain("张三");
    await screenshot(page, "aid-05-secretary-approval-card", approval);

    // 5. He records income into the fund first (资金 → 登记收入).
    const branch = await s.db.prisma.organization.findUniqueOrThrow({ where: { code: DEMO_BRANCH } });
    const balance = async () =>
      (await s.db.prisma.fundBalance.findUnique({ where: { orgId_source: { orgId: branch.id, source: "LOCAL_FINANCE" } } }))?.balanceFen ?? 0;
    const opening = await balance();
    await say(page, "资金");
    const fund = botCard(page, /资金/);
    await fund.locator("form").waitFor();
    await fund.locator("select[name=source]").selectOption("LOCAL_FINANCE");
    await fund.locator("input[name=amount]").fill("5000");
    await fund.locator("input[name=payer]").fill("磐东街道办事处");
    await fund.getByRole("button", { name: "登记收入" }).click();
    expect(await toastText(page, "已登记")).toContain("5,000.00");
    await screenshot(page, "aid-06-secretary-fund-income", fund);
    expect(await balance()).toBe(opening + 500_000);

    // 6. He approves 1500 yuan from local finance; the approval card updates in place.
    const approvalId = await approval.getAttribute("data-message-id");
    await approval.locator("input[name=amount]").fill("1500");
    await approval.locator("select[name=source]").selectOption("LOCAL_FINANCE");
    await approval.locator("textarea[name=note]").fill("同意，请按时复诊。");
    await approval.getByRole("button", { name: "批准", exact: true }).click();
    await toastText(page, /批准/);
    const decided = page.locator(`[data-message-id="${approvalId}"]`);
    await expect.poll(() => decided.locator(".card-header").getAttribute("class")).toContain("tpl-green");
    await expect(decided.locator("form").count()).resolves.toBe(0);
    await screenshot(page, "aid-07-secretary-approved", decided);

    expect(await s.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "APPROVED" });
    expect(await balance()).toBe(opening + 500_000 - 150_000);

    // 7. 张三 switches back and finds the result in his chat.
    await switchTo(page, "张三");
    const result = botCard(page, `帮扶申请已批准 · ${request.number}`);
    await result.waitFor();
    await expect(result.innerText()).resolves.toContain("1,500.00 元");
    await screenshot(page, "aid-08-member-result", result);
  }, 120_000);

  it("the branch group is a chat too: a message there @-mentions the bot, and everyone in the group sees it", async () => {
    const s = sb!;
    await openAs(page, s.url, "王建国");
    await expect(page.locator(`[data-chat-id="${DEMO_GROUP_CHAT}"]`).innerText()).resolves.toContain("磐东居委第一党支部");
    await openChat(page, DEMO_GROUP_CHAT);
    await expect(page.locator("#mention").isVisible()).resolves.toBe(true);
    await say(page, "帮助");
    await expect(page.locator(".msg.me .bubble").last().innerText()).resolves.toBe("@同心 帮助");
    const help = botCard(page, "能帮您做什么");
    await help.waitFor();
    // The bot answered in the group (a reply to the message), not privately.
    const helpId = await help.getAttribute("data-message-id");
    expect(s.double.message(helpId!)).toMatchObject({ chat_id: DEMO_GROUP_CHAT, chat_type: "group" });

    // A private command in the group answers a card whose button opens the private chat.
    await say(page, "求助");
    const refusal = botCard(page, "请在私聊中使用");
    await refusal.waitFor();
    // It is a reply to his message, quoted above the bubble as Lark does.
    await expect(refusal.locator(".reply-quote").innerText()).resolves.toBe("回复 我：@同心 求助");
    await screenshot(page, "group-01-secretary");
    // The button is Lark's AppLink to the bot's chat: the page opens his private chat with the bot.
    await refusal.getByRole("button", { name: "打开与同心的私聊" }).click();
    await page.locator(`body[data-chat="${p2pOf("王建国")}"]`).waitFor();

    // Another member sees the secretary's message (by name, on the left) and the bot's card.
    await switchTo(page, "李四");
    await openChat(page, DEMO_GROUP_CHAT);
    const fromSecretary = page.locator(".msg.other", { hasText: "@同心 帮助" }).first();
    await expect(fromSecretary.locator(".msg-meta").innerText()).resolves.toContain("王建国");
    await expect(page.locator(`[data-message-id="${helpId}"] .card-title`).innerText()).resolves.toContain("能帮您做什么");
    await screenshot(page, "group-02-member-sees-group");
  }, 60_000);

  it("the clock panel moves sandbox time, jumps to 14 days before 中秋, runs every scheduler, and the bot still answers", async () => {
    const s = sb!;
    await openAs(page, s.url, "李四");
    const before = s.clock.now().getTime();
    await page.getByTestId("advance-1").click();
    await expect.poll(() => s.clock.now().getTime() - before).toBeGreaterThanOrEqual(24 * 3600_000);
    await expect.poll(() => page.getByTestId("clock-now").innerText()).toContain("2026-03-03 09:");

    // The festival list offers 中秋 with its lunar date; jumping lands at 09:00 Beijing, 14 days before.
    const options = await page.getByTestId("festival").locator("option").allInnerTexts();
    expect(options.some((o) => o.includes("中秋") && o.includes("2026-09-25"))).toBe(true);
    await page.getByTestId("festival").selectOption({ label: options.find((o) => o.includes("中秋"))! });
    await page.getByTestId("jump").click();
    await expect.poll(() => s.clock.now().toISOString().slice(0, 16)).toBe("2026-09-11T01:00");
    await expect.poll(() => page.getByTestId("clock-now").innerText()).toContain("2026-09-11 09:0");
    await screenshot(page, "clock-01-before-mid-autumn");

    // Every scheduler is listed and runs from the panel.
    const tasks = page.getByTestId("tasks").locator("button[data-task]");
    await expect(tasks.evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.task))).resolves.toEqual(SCHEDULES.map((x) => x.task));
    for (const task of SCHEDULES.map((x) => x.task)) {
      await page.locator(`button[data-task="${task}"]`).click();
      const said = page.locator(`li[data-task-row="${task}"] .task-said`);
      await said.waitFor();
      // A failing task shows its error here.
      expect(await said.innerText()).toMatch(/^✓ /);
    }
    await screenshot(page, "clock-02-schedulers-run");

    // Deliveries carry the moved time and the bot still accepts them.
    await say(page, "帮助");
    await botCard(page, "能帮您做什么").waitFor();
    await expect(page.locator(".msg.bot .msg-meta").last().innerText()).resolves.toContain("2026-09-11");
  }, 90_000);

  it("a form card: required fields are checked on the page, then the submit reaches the bot with the values Lark would send", async () => {
    const s = sb!;
    await openAs(page, s.url, "李四");
    // The bot sends a card through its real Lark client; the page shows it as it arrives.
    const probe = card({
      title: t("沙盒测试表单", "Sandbox probe form"),
      template: "indigo",
      elements: [
        form("probe", [
          input({ name: "reason", label: t("事由", "Reason"), required: true, multiline: true }),
          datePicker({ name: "day", placeholder: t("日期", "Date"), required: true }),
          select({ name: "kind", placeholder: t("类别", "Kind"), options: [{ value: "a", text: t("甲", "A") }, { value: "b", text: t("乙", "B") }] }),
          button({ text: t("提交", "Submit"), action: "sandbox.probe", value: { n: 1 }, name: "go", submit: true, type: "primary_filled" }),
        ]),
      ],
    });
    const sent = (await s.app.lark.sdk.im.message.create({
      params: { receive_id_type: "open_id" },
      data: { receive_id: openIdOf("李四"), msg_type: "interactive", content: JSON.stringify(probe) },
    })) as { data?: { message_id?: string } };
    const id = sent.data!.message_id!;
    const row = page.locator(`[data-message-id="${id}"]`);
    await row.locator(".card-header.tpl-indigo").waitFor();

    const seen: unknown[] = [];
    const router = s.app.router;
    const original = router.handleCardAction.bind(router);
    router.handleCardAction = async (a) => {
      seen.push(a);
      return original(a);
    };
    try {
      // Empty required fields: nothing is sent, the fields are marked, a toast says why.
      await row.getByRole("button", { name: "提交" }).click();
      expect(await toastText(page, "有必填项未填写")).toContain("required");
      await expect(row.locator("textarea[name=reason]").getAttribute("class")).resolves.toContain("invalid");
      expect(seen).toEqual([]);

      await row.locator("textarea[name=reason]").fill("走访慰问");
      await row.locator("input[name=day]").fill("2026-03-10");
      await row.locator("select[name=kind]").selectOption("b");
      await row.getByRole("button", { name: "提交" }).click();
      // The bot does not know this action and says so, as it would to a stale card in Lark.
      // Drawn in the clicker's language only (李四 reads Chinese): no English beside it.
      expect(await toastText(page, "无效的操作")).not.toContain("Invalid action");
      expect(seen).toEqual([
        expect.objectContaining({ kind: "card_action", openId: openIdOf("李四"), messageId: id, name: "go", value: { a: "sandbox.probe", n: 1 }, formValue: { reason: "走访慰问", day: "2026-03-10 +0800", kind: "b" } }),
      ]);
      await screenshot(page, "form-01-probe-submitted", row);
    } finally {
      router.handleCardAction = original;
    }
  }, 60_000);
});
