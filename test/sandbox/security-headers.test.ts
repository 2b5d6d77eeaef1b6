// The sandbox page and its API answer with the security headers a page that approves aid
// needs: a strict Content-Security-Policy (its one inline <style> allowed by hash, no inline
// script), no framing, no MIME sniffing, no referrer. The browser test (browser.test.ts) runs
// the page under this policy and fails on any console error, so a violation would show there.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "./support/sandbox.ts";

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
}, 60_000);
afterAll(async () => sb?.close());

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe("sandbox security headers", () => {
  it("the page: strict CSP with its inline style's hash, DENY framing, nosniff, no referrer", async () => {
    const res = await fetch(`${sb.url}/sandbox`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const csp = directives(res.headers.get("content-security-policy") ?? "");
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    // No 'unsafe-inline' and no 'unsafe-eval' for scripts or style elements.
    expect([...(csp.get("script-src") ?? []), ...(csp.get("style-src") ?? [])].join(" ")).not.toMatch(/unsafe/);
    // The one inline <style> is allowed by its exact hash, and there is no inline <script>.
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    expect(css.length).toBeGreaterThan(100);
    expect(csp.get("style-src")).toContain(`'sha256-${createHash("sha256").update(css).digest("base64")}'`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("the script and the API carry the same headers", async () => {
    for (const path of ["/sandbox/app.js", "/sandbox/api/people", "/sandbox/api/nope"]) {
      const res = await fetch(`${sb.url}${path}`);
      await res.arrayBuffer();
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("content-security-policy"), path).toContain("default-src 'self'");
    }
  });
});
