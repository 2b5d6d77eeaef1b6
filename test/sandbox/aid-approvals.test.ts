// Approvals as Feishu Approval's, on the sandbox page in a real browser: a member files 求助 and
// withdraws it from the receipt (the secretary's approval card says 已撤回 and offers nothing to
// click); a second request left waiting three working days is chased by the reminder task run from
// the clock panel, and the secretary's chat shows the reminder. Screenshots go to test-results/sandbox.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium, screenshot, watchErrors } from "./support/browser.ts";
import { botCard, openAs, openIdOf, say, switchTo, toastText } from "./support/page.ts";
import { startSandbox, type Sandbox } from "./support/sandbox.ts";

// A Monday morning in Beijing (2026-03-02), so three working days later is Thursday.
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

/** 张三 files 求助 from the form card; returns the receipt (the same message) and the request's number. */
async function fileRequest(description: string): Promise<{ receiptId: string; number: string }> {
  await say(page, "求助");
  const formRow = botCard(page, "申请帮扶");
  await formRow.waitFor();
  const receiptId = (await formRow.getAttribute("data-message-id"))!;
  await formRow.locator("select[name=category]").selectOption({ index: 1 });
  await formRow.locator("textarea[name=description]").fill(description);
  await formRow.getByRole("button", { name: "提交申请" }).click();
  await toastText(page, "申请已提交");
  const receipt = page.locator(`[data-message-id="${receiptId}"]`);
  await receipt.locator(".card-title", { hasText: "帮扶申请已提交" }).waitFor();
  const number = /(\d{4}-\d{4,})/.exec(await receipt.locator(".card-title").innerText())![1]!;
  return { receiptId, number };
}

describe("approvals that feel like Feishu Approval", () => {
  it("a member withdraws a request from the receipt; the secretary's card says 已撤回 without buttons", async () => {
    const s = sb!;
    await openAs(page, s.url, "张三");
    const { receiptId, number } = await fileRequest("孩子发烧住院三天，自付医药费较多，想申请临时补助。");
    const receipt = page.locator(`[data-message-id="${receiptId}"]`);
    await expect(receipt.innerText()).resolves.toContain("待审批");
    await screenshot(page, "approvals-01-receipt-pending", receipt);

    // 撤回 asks first, as Lark does for a button with a confirmation.
    await receipt.getByRole("button", { name: "撤回申请" }).click();
    await page.getByTestId("modal-ok").click();
    expect(await toastText(page, "已撤回申请")).toContain(number);
    await expect.poll(() => receipt.innerText()).toContain("已撤回");
    await expect(receipt.getByRole("button", { name: "撤回申请" }).count()).resolves.toBe(0);
    await screenshot(page, "approvals-02-receipt-withdrawn", receipt);

    const member = await s.db.prisma.person.findUniqueOrThrow({ where: { larkOpenId: openIdOf("张三") } });
    const row = await s.db.prisma.aidRequest.findFirstOrThrow({ where: { personId: member.id, number } });
    expect(row.status).toBe("CANCELLED");
    expect(await s.db.prisma.aidRequestEvent.count({ where: { requestId: row.id, type: "WITHDRAWN" } })).toBe(1);

    await switchTo(page, "王建国");
    const approval = botCard(page, `帮扶申请审批 · ${number}`);
    await approval.waitFor();
    await expect.poll(() => approval.innerText()).toContain("已撤回");
    await expect(approval.locator("form").count()).resolves.toBe(0);
    await expect(approval.getByRole("button", { name: "批准", exact: true }).count()).resolves.toBe(0);
    await screenshot(page, "approvals-03-secretary-sees-withdrawn", approval);
  }, 120_000);

  it("a request left waiting three working days: the reminder task run from the clock panel reaches the secretary", async () => {
    const s = sb!;
    await openAs(page, s.url, "张三");
    const { number } = await fileRequest("家里老人摔伤住院，护理和医药费用负担较重。");

    // Three days on (Tuesday, Wednesday, Thursday are working days), then the task runs.
    for (let i = 0; i < 3; i++) await page.getByTestId("advance-1").click();
    await expect.poll(() => page.getByTestId("clock-now").innerText()).toContain("2026-03-05");
    await page.locator(`button[data-task="aid-reminders"]`).click();
    const said = page.locator(`li[data-task-row="aid-reminders"] .task-said`);
    await said.waitFor();
    await expect.poll(() => said.innerText()).toMatch(/^✓ .*催审批人 [1-9]/);
    await screenshot(page, "approvals-04-reminder-task-run");

    await switchTo(page, "王建国");
    const reminder = botCard(page, `待审批提醒 · ${number}`);
    await reminder.waitFor();
    await expect(reminder.innerText()).resolves.toContain("个工作日");
    await screenshot(page, "approvals-05-secretary-reminded", reminder);

    // Its button opens a fresh approval card.
    await reminder.getByRole("button", { name: "打开审批卡片" }).click();
    await toastText(page, number);
    const req = await s.db.prisma.aidRequest.findFirstOrThrow({ where: { number } });
    expect(req.remindedAt).not.toBeNull();
  }, 120_000);
});
