// The sandbox page as a demo tool, in Debian's Chromium: the schedulers in Chinese words with
// what a run did, the festival picker on the next festival, dates written 2026-03-02 whatever
// the browser's locale, and one column on a phone. Screenshots go to test-results/sandbox.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { button, card, datePicker, form, t } from "../../cards/kit.ts";
import { describeResult, scheduleLabel } from "../../src/jobs/schedule-labels.ts";
import { SCHEDULES } from "../../src/jobs/schedules.ts";
import { DEMO_GROUP_CHAT } from "../../src/sandbox/demo-branch.ts";
import { upcomingFestivals } from "../../src/sandbox/festivals.ts";
import type { TaskRun } from "../../src/sandbox/page/protocol.ts";
import { launchChromium, screenshot, watchErrors } from "./support/browser.ts";
import { botCard, openAs, openIdOf, say } from "./support/page.ts";
import { startSandbox, type Sandbox } from "./support/sandbox.ts";

// A Monday morning in Beijing: 春节 2026 (17 February) is behind, 端午 (19 June) the next festival.
const START = new Date("2026-03-02T09:00:00+08:00");

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

/** A page in a browser whose locale would write dates 3/2/2026 if the page let it. */
async function open(viewport: { width: number; height: number }, name = "李四"): Promise<Page> {
  context = await browser!.newContext({ viewport, locale: "en-US", timezoneId: "America/New_York", ...(viewport.width <= 600 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  errors = watchErrors(page);
  await openAs(page, sb!.url, name);
  return page;
}

describe("the sandbox page as a demo tool", () => {
  it("shows sandbox time, message times and card date fields as 2026-03-02, in an English-language browser", async () => {
    const page = await open({ width: 1400, height: 1000 });
    await expect.poll(() => page.getByTestId("clock-now").innerText()).toMatch(/^2026-03-02 \d\d:\d\d$/);
    await expect(page.locator("#clock-week").innerText()).resolves.toContain("星期一");

    await say(page, "帮助");
    await botCard(page, "能帮您做什么").waitFor();
    await expect(page.locator(".msg.bot .msg-meta").last().innerText()).resolves.toMatch(/ · 2026-03-02 \d\d:\d\d$/);

    // A card's date picker is a text field in ISO order, and sends what Lark sends.
    const probe = card({
      title: t("日期测试", "Date probe"),
      elements: [form("probe", [datePicker({ name: "day", placeholder: t("日期", "Date"), initial: "2026-03-10" }), button({ text: t("提交", "Submit"), action: "sandbox.probe", name: "go", submit: true })])],
    });
    const sent = (await sb!.app.lark.sdk.im.message.create({
      params: { receive_id_type: "open_id" },
      data: { receive_id: openIdOf("李四"), msg_type: "interactive", content: JSON.stringify(probe) },
    })) as { data?: { message_id?: string } };
    const row = page.locator(`[data-message-id="${sent.data!.message_id!}"]`);
    const day = row.locator("input[name=day]");
    await expect(day.inputValue()).resolves.toBe("2026-03-10");
    await expect(day.getAttribute("placeholder")).resolves.toBe("YYYY-MM-DD");
    // Written the American way, it is marked and not sent.
    await day.fill("03/10/2026");
    await row.getByRole("button", { name: "提交" }).click();
    await page.locator(".toast", { hasText: "请按 YYYY-MM-DD 的格式填写" }).waitFor();
    await expect(day.getAttribute("class")).resolves.toContain("invalid");
    await screenshot(page, "demo-01-iso-dates", row);
  }, 60_000);

  it("offers the next festival first, every festival in date order with its date", async () => {
    const page = await open({ width: 1400, height: 1000 });
    const expected = upcomingFestivals(sb!.clock.now());
    const select = page.getByTestId("festival");
    await expect.poll(() => select.locator("option").count()).toBe(expected.length);
    const options = await select.locator("option").evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? "", date: (o as HTMLElement).dataset.date })));
    expect(options.map((o) => o.date)).toEqual(expected.map((f) => f.date));
    expect(options.map((o) => o.date)).toEqual([...options.map((o) => o.date)].sort());
    expect(options[0]!.text).toBe("端午 2026-06-19");
    await expect(select.inputValue()).resolves.toBe(expected[0]!.jumpTo);
    await expect(page.getByTestId("festival-jump").innerText()).resolves.toBe("跳到 2026-06-05 09:00（北京时间）");
  }, 60_000);

  it("lists the schedulers in Chinese words and tells what 立即运行 did, the raw result behind 详情", async () => {
    const page = await open({ width: 1400, height: 1000 });
    const rows = page.getByTestId("tasks").locator("li[data-task-row]");
    await expect.poll(() => rows.count()).toBe(SCHEDULES.length);
    for (const s of SCHEDULES) {
      const row = page.locator(`li[data-task-row="${s.task}"]`);
      const { name, when } = scheduleLabel(s.task);
      await expect(row.locator(".task-name").innerText()).resolves.toBe(name.zh);
      await expect(row.locator(".task-when").innerText()).resolves.toBe(when.zh);
      // No task id or cron string in sight.
      await expect(row.innerText()).resolves.not.toMatch(/[a-z]+-[a-z]+|\* \*/);
    }

    const row = page.locator(`li[data-task-row="talk-sweep"]`);
    const answer = page.waitForResponse((r) => r.url().endsWith("/sandbox/api/run/talk-sweep"));
    await row.getByRole("button", { name: "立即运行" }).click();
    const { run } = (await (await answer).json()) as { run: TaskRun };
    await expect(row.locator(".task-said").innerText()).resolves.toBe(`✓ ${describeResult("talk-sweep", run.detail).zh}`);
    await expect(row.locator(".task-at").innerText()).resolves.toMatch(/^上次运行 2026-03-02 \d\d:\d\d$/);
    const detail = row.locator("details.task-detail");
    await expect(detail.locator("pre").isVisible()).resolves.toBe(false);
    await detail.locator("summary", { hasText: "详情" }).click();
    await expect(detail.locator("pre").innerText()).resolves.toContain('"staged"');
    await screenshot(page, "demo-02-schedulers-in-words", row);
  }, 60_000);

  it("is one column on a phone (390×844): chats in a selector, the clock below the chat, cards full width", async () => {
    const page = await open({ width: 390, height: 844 }, "王建国");
    await screenshot(page, "demo-03-phone-top");
    await say(page, "帮助");
    const help = botCard(page, "能帮您做什么");
    await help.waitFor();
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    const [side, chat, panel] = [await box(".sidebar"), await box("main.chat"), await box(".panel")];
    for (const b of [side, chat, panel]) {
      expect(b.x).toBe(0);
      expect(b.width).toBe(390);
    }
    expect(chat.y).toBeGreaterThanOrEqual(side.y + side.height);
    expect(panel.y).toBeGreaterThanOrEqual(chat.y + chat.height);
    // Nothing wider than the screen.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    // The card takes the width beside the avatar.
    const cardBox = (await help.locator(".lark-card").boundingBox())!;
    expect(cardBox.width).toBeGreaterThan(390 - 80);
    await screenshot(page, "demo-04-phone-chat");

    // The chat list is a selector here; choosing the group opens it.
    await expect(page.getByTestId("chats").isVisible()).resolves.toBe(false);
    await page.getByTestId("chat-select").selectOption(DEMO_GROUP_CHAT);
    await page.locator(`body[data-chat="${DEMO_GROUP_CHAT}"]`).waitFor();
    await expect(page.locator("#mention").isVisible()).resolves.toBe(true);

    // The clock and the schedulers are reachable below the chat.
    await page.getByTestId("clock-now").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("clock-now").isVisible()).resolves.toBe(true);
    await expect(page.locator(`li[data-task-row="talk-sweep"] button`).isVisible()).resolves.toBe(true);
    await screenshot(page, "demo-05-phone-clock-panel");
  }, 60_000);
});
