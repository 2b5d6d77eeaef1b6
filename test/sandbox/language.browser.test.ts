// The language switch on the sandbox page, in Debian's Chromium: a member sends 语言, clicks
// English, and from then on the bot's cards, toasts and texts are English only, whatever the
// page's own card-language setting says (the stored choice wins over the client's locale); 中文
// brings Chinese back. Screenshots go to test-results/sandbox.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshot, watchErrors } from "./support/browser.ts";
import { botCard, openIdOf, p2pOf, say, toastText } from "./support/page.ts";
import { startSandbox, type Sandbox } from "./support/sandbox.ts";

const START = new Date("2026-03-02T09:00:00+08:00");
const CJK = /[\u3400-\u9fff]/;

let browser: Browser | undefined;
let sb: Sandbox | undefined;
let context: BrowserContext | undefined;
let errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  sb = await startSandbox({ clockStart: START });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sb?.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  expect(errors, "the page logged errors").toEqual([]);
});

/** The page as `name`, its card-language setting at `locale` (the client's own language). */
async function open(name: string, locale: "zh_cn" | "en_us"): Promise<Page> {
  context = await browser!.newContext({ viewport: { width: 1400, height: 1000 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(`${sb!.url}/sandbox?as=${openIdOf(name)}&chat=${p2pOf(name)}${locale === "en_us" ? "&lang=en_us" : ""}`);
  await page.locator("body[data-ready=true]").waitFor();
  return page;
}

/** The text of the newest plain-text message from the bot. */
async function lastBotText(page: Page, containing: string | RegExp): Promise<string> {
  const bubble = page.locator(".msg.bot .bubble", { hasText: containing }).last();
  await bubble.waitFor();
  return (await bubble.innerText()).trim();
}

describe("one language per person, on the sandbox page", () => {
  it("switches 张三 to English with the 语言 card's button and back with 中文", async () => {
    const page = await open("张三", "zh_cn");
    await say(page, "语言");
    const card = botCard(page, "语言");
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain("同心现在用中文回复您");
    await screenshot(page, "language-01-card-chinese", card);
    const messageId = await card.getAttribute("data-message-id");

    // The English button: the card is redrawn in place in English, and the toast is English only.
    await card.getByRole("button", { name: "English" }).click();
    const toast = await toastText(page, "Switched to English");
    expect(toast).not.toMatch(CJK);
    const redrawn = page.locator(`[data-message-id="${messageId}"]`);
    await redrawn.locator(".card-title", { hasText: "Language" }).waitFor();
    await expect(redrawn.innerText()).resolves.toContain("Tongxin answers you in English");
    await screenshot(page, "language-02-card-english", redrawn);

    // The next command's card is English although the page shows cards in Chinese (zh_cn).
    await say(page, "帮助");
    const help = botCard(page, "what I can do for you");
    await help.waitFor();
    await expect(help.locator(".card-title").innerText()).resolves.not.toMatch(CJK);
    await screenshot(page, "language-03-help-english", help);

    // Back to Chinese by text: the answer is Chinese only, and so is the next card.
    await say(page, "中文");
    const back = await lastBotText(page, "已切换为中文");
    expect(back).not.toContain("Switched");
    await say(page, "帮助");
    await botCard(page, "能帮您做什么").waitFor();
    await screenshot(page, "language-04-back-to-chinese");

    const person = await sb!.db.prisma.person.findUniqueOrThrow({ where: { larkOpenId: openIdOf("张三") } });
    expect(person.language).toBe("ZH");
    const audits = await sb!.db.prisma.auditLog.findMany({ where: { action: "person.language", actorId: person.id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.changes)).toEqual([{ language: ["ZH", "EN"] }, { language: ["EN", "ZH"] }]);
  });

  it("draws a Chinese reader's cards in Chinese even when the client runs in English", async () => {
    const page = await open("李四", "en_us");
    await say(page, "帮助");
    const help = botCard(page, "能帮您做什么");
    await help.waitFor();
    await expect(help.innerText()).resolves.not.toContain("what I can do for you");
    await screenshot(page, "language-05-chinese-reader-english-client", help);
  });
});
