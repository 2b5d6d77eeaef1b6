// Debian's Chromium driven by playwright-core (no browser download). CI installs it with
//   apt-get install -y --no-install-recommends chromium fonts-wqy-microhei fonts-noto-color-emoji
// A missing browser fails the tests with that line, never skips them.
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = "test-results/sandbox";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}; the sandbox browser tests need it. ` +
        `Install it with: apt-get update && apt-get install -y --no-install-recommends chromium fonts-wqy-microhei fonts-noto-color-emoji ` +
        `(or set CHROMIUM_PATH to a Chromium binary).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Collects errors the page throws or logs, so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Saves a screenshot of the page, with `focus` (the step's card) scrolled into view. */
export async function screenshot(page: Page, name: string, focus?: Locator): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await focus?.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}
