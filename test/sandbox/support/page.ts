// Small steps on the sandbox page, as a person does them.
import type { Locator, Page } from "playwright-core";
import { demoOpenId } from "../../../src/sandbox/seed.ts";
import { DEMO_PEOPLE } from "../../../src/sandbox/demo-branch.ts";

export function openIdOf(name: string): string {
  const p = DEMO_PEOPLE.find((x) => x.name === name);
  if (!p) throw new Error(`${name} is not in the demo branch`);
  return demoOpenId(p.mobile);
}

export const p2pOf = (name: string) => `oc_p2p_${openIdOf(name)}`;

/** Opens the page as `name`, in their chat with the bot (or the given chat). */
export async function openAs(page: Page, baseUrl: string, name: string, chatId = p2pOf(name)): Promise<void> {
  await page.goto(`${baseUrl}/sandbox?as=${openIdOf(name)}&chat=${chatId}`);
  await page.locator("body[data-ready=true]").waitFor();
  await page.locator(`body[data-chat="${chatId}"]`).waitFor();
}

/** Switches who you are with the 我是 selector; lands in their chat with the bot. */
export async function switchTo(page: Page, name: string): Promise<void> {
  await page.getByTestId("who").selectOption(openIdOf(name));
  await page.locator(`body[data-chat="${p2pOf(name)}"]`).waitFor();
}

export async function openChat(page: Page, chatId: string): Promise<void> {
  await page.locator(`[data-chat-id="${chatId}"]`).click();
  await page.locator(`body[data-chat="${chatId}"]`).waitFor();
}

export async function say(page: Page, text: string): Promise<void> {
  await page.getByTestId("input").fill(text);
  await page.getByTestId("input").press("Enter");
  await page.locator(".msg.me .bubble", { hasText: text }).last().waitFor();
  // The page shows at once when the bot refused the delivery (e.g. a bad signature or timestamp).
  const refused = page.locator(".toast.error", { hasText: "机器人没有应答" });
  if ((await refused.count()) > 0) throw new Error(`the bot did not accept "${text}": ${await refused.last().innerText()}`);
}

/** The newest bot card whose title contains `title`. */
export function botCard(page: Page, title: string | RegExp): Locator {
  return page.locator(".msg.bot", { has: page.locator(".card-title", { hasText: title }) }).last();
}

/** Waits for a toast containing `text` and returns its full text. */
export async function toastText(page: Page, text: string | RegExp): Promise<string> {
  const t = page.locator(".toast", { hasText: text }).last();
  await t.waitFor();
  return (await t.innerText()).trim();
}
