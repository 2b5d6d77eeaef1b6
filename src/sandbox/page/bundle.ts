// Builds the page's script (app.ts and what it imports) into one browser ES module with
// esbuild, in memory, at the first request. esbuild is already here (tsx runs on it); it is
// loaded only when the sandbox page is asked for, never in production.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export async function buildPageScript(): Promise<string> {
  const { build } = await import("esbuild");
  // From source (tsx) the entry is app.ts; from a tsc build (dist/) it is app.js.
  const ts = fileURLToPath(new URL("./app.ts", import.meta.url));
  const entry = existsSync(ts) ? ts : fileURLToPath(new URL("./app.js", import.meta.url));
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    charset: "utf8",
    sourcemap: "inline",
    logLevel: "silent",
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error("esbuild produced no output");
  return file.text;
}
