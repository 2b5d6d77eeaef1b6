// Which proxies in front of the bot may say who the client is (X-Forwarded-For). Off unless
// set: with it on for everyone, any client could write whatever address it likes into our logs.
// Accepts what express's `trust proxy` accepts: true/false, a hop count, the names loopback,
// linklocal, uniquelocal, and comma-separated IP addresses or CIDR ranges.
import { isIP } from "node:net";
import { z } from "zod";

export type TrustProxy = boolean | number | string;

const NAMED = new Set(["loopback", "linklocal", "uniquelocal"]);

function validEntry(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const parts = entry.split("/");
  if (parts.length > 2) return false;
  const [addr, range] = parts as [string, string | undefined];
  const family = isIP(addr);
  if (family === 0) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  // proxy-addr also takes an IPv4 netmask: 10.0.0.0/255.0.0.0.
  return family === 4 && isIP(range) === 4;
}

export const trustProxySetting = z.string().transform((raw, ctx): TrustProxy => {
  const v = raw.trim().toLowerCase();
  if (["false", "0", "no", "off"].includes(v)) return false;
  if (["true", "yes", "on"].includes(v)) return true;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(",").map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !validEntry(e));
  if (entries.length === 0 || bad.length > 0) {
    ctx.addIssue({
      code: "custom",
      message: `无法识别 ${bad.length ? bad.join(", ") : JSON.stringify(raw)}：可填 false（默认）、true、代理层数（如 1）、loopback、linklocal、uniquelocal，或以逗号分隔的 IP / CIDR（如 10.0.0.0/8,127.0.0.1）`,
    });
    return z.NEVER;
  }
  return entries.join(",");
});
