// Pictures on the sandbox page, in a real browser: 张三 files 求助, photographs the bill with the
// composer's 📎 (a PNG), sees the picture in the chat and the bot's receipt line; the secretary
// 王建国 sees the same picture on the approval card. Screenshots go to test-results/sandbox.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium, screenshot, watchErrors } from "./support/browser.ts";
import { botCard, openAs, openIdOf, say, switchTo, toastText } from "./support/page.ts";
import { startSandbox, type Sandbox } from "./support/sandbox.ts";

// A 2×2 PNG, red: small, and a real picture the browser draws.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a73000000164944415478da63f8cfc0f09f8181e13f03c3ff0c0c0c00240c05fb8b7a43a90000000049454e44ae426082",
  "hex",
);

let browser: Browser | undefined;
let sb: Sandbox | undefined;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  sb = await startSandbox();
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

describe("a picture for a request, from the sandbox page", () => {
  it("a member sends a photo of the bill; the secretary sees it on the approval card", async () => {
    const s = sb!;
    await openAs(page, s.url, "张三");
    await say(page, "求助");
    const formRow = botCard(page, "申请帮扶");
    await formRow.waitFor();
    await formRow.locator("select[name=category]").selectOption({ index: 1 });
    await formRow.locator("textarea[name=description]").fill("母亲住院做手术，医疗费用自付部分较多，申请临时补助。");
    await formRow.getByRole("button", { name: "提交申请" }).click();
    await toastText(page, "申请已提交");
    const member = await s.db.prisma.person.findUniqueOrThrow({ where: { larkOpenId: openIdOf("张三") } });
    const req = await s.db.prisma.aidRequest.findFirstOrThrow({ where: { personId: member.id, status: "PENDING" }, orderBy: { id: "desc" } });

    await page.getByTestId("file-input").setInputFiles({ name: "医疗票据.png", mimeType: "image/png", buffer: PNG });
    const mine = page.locator('.msg.me[data-msg-type="image"] img.msg-pic');
    await mine.waitFor();
    await expect.poll(() => mine.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(2);
    await page.locator(".msg.bot", { hasText: `已将图片附到您的求助 ${req.number}` }).waitFor();
    await screenshot(page, "attachments-01-member-sent-picture");

    const row = await s.db.prisma.aidAttachment.findFirstOrThrow({ where: { requestId: req.id } });
    expect(row).toMatchObject({ status: "KEPT", kind: "IMAGE", sizeBytes: PNG.length });

    await switchTo(page, "王建国");
    const approval = botCard(page, `帮扶申请审批 · ${req.number}`);
    await approval.waitFor();
    const pic = approval.locator("img.el-img-pic");
    await expect.poll(() => pic.count()).toBe(1);
    await expect(pic.getAttribute("src")).resolves.toContain(row.cardImageKey!);
    await expect.poll(() => pic.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(2);
    await expect(approval.innerText()).resolves.toContain("申请人附件");
    await screenshot(page, "attachments-02-secretary-sees-picture", approval);
  }, 120_000);
});
