// Security headers for everything under /sandbox. The page loads one module script from here
// and inlines one <style> block, allowed by its hash; the card renderer sets column widths as
// style attributes (the only inline style left, which cannot run code), hence style-src-attr.
// No framing (clickjacking a click that approves aid), no MIME sniffing, no referrer.
import { createHash } from "node:crypto";

/** The headers for a page whose only inline code is its one <style> block. */
export function securityHeaders(pageHtml: string): Record<string, string> {
  return {
    "content-security-policy": [
      "default-src 'self'",
      "script-src 'self'",
      `style-src 'self' '${styleHash(pageHtml)}'`,
      "style-src-attr 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  };
}

/** CSP's hash source for the page's inline <style> block: sha256 of its exact text. */
function styleHash(html: string): string {
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
  return `sha256-${createHash("sha256").update(css, "utf8").digest("base64")}`;
}
