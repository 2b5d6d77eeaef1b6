// compose.yaml must not start the sandbox against its own PostgreSQL by omission. Docker does not
// run where the tests run, so this reads the file: every bot service gets the shared environment,
// which requires the Lark app's credentials (compose's `${VAR:?message}` stops `docker compose up`
// when VAR is unset or empty) and forces SANDBOX off whatever .env says (`environment` wins over
// `env_file`).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const text = readFileSync(new URL("../../compose.yaml", import.meta.url), "utf8");
const lines = text.split("\n").filter((l) => !/^\s*#/.test(l));

/** The lines nested under the first line matching `start` (by indentation). */
function linesUnder(start: RegExp, from: string[] = lines): string[] {
  const at = from.findIndex((l) => start.test(l));
  expect(at, `compose.yaml has ${start}`).toBeGreaterThanOrEqual(0);
  const indent = from[at]!.search(/\S/);
  const end = from.findIndex((l, i) => i > at && l.trim() !== "" && l.search(/\S/) <= indent);
  return from.slice(at + 1, end < 0 ? undefined : end).filter((l) => l.trim() !== "");
}

/** `key: value` pairs one level below `start` (quotes around the value dropped). */
function mapUnder(start: RegExp, from: string[] = lines): Map<string, string> {
  const block = linesUnder(start, from);
  const indent = Math.min(...block.map((l) => l.search(/\S/)));
  const out = new Map<string, string>();
  for (const l of block.filter((x) => x.search(/\S/) === indent)) {
    const m = /^\s*([^:\s]+):\s*(.*)$/.exec(l);
    if (m) out.set(m[1]!, m[2]!.replace(/^"(.*)"$/, "$1"));
  }
  return out;
}

/** Compose's rule for `${VAR:?message}`: an error when VAR is unset or empty. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{([A-Z_]+):\?([^}]*)\}/g, (_, name: string, message: string) => {
    if (!env[name]) throw new Error(`required variable ${name} is missing a value: ${message}`);
    return env[name]!;
  });
}

describe("compose.yaml", () => {
  const common = mapUnder(/^\s+environment: &common\s*$/);

  it("requires the Lark app's credentials, with a Chinese message that says where to find them", () => {
    for (const name of ["LARK_APP_ID", "LARK_APP_SECRET"]) {
      const value = common.get(name) ?? "";
      expect(value).toMatch(new RegExp(`^\\$\\{${name}:\\?.*\\.env.*\\}$`));
      expect(() => interpolate(value, {})).toThrow(/请在 \.env 中填写/);
      expect(() => interpolate(value, { [name]: "" })).toThrow(name);
      expect(interpolate(value, { [name]: "cli_x" })).toBe("cli_x");
    }
  });

  it("forces SANDBOX off, so SANDBOX=true in .env cannot turn the sandbox on", () => {
    expect(common.get("SANDBOX")).toBe("false");
  });

  it("gives that environment to every service that runs the bot", () => {
    const services = mapUnder(/^services:\s*$/);
    const bots = [...services.keys()].filter((name) => mapUnder(new RegExp(`^  ${name}:\\s*$`)).get("build") === ".");
    expect(bots.sort()).toEqual(["scheduler", "web", "worker"]);
    for (const name of bots) {
      const service = linesUnder(new RegExp(`^  ${name}:\\s*$`));
      const environment = service.find((l) => /^\s+environment:/.test(l)) ?? "";
      // Either the anchor itself or a merge of it, and nothing after the merge that undoes it.
      const own = environment.includes("&common") ? new Map<string, string>() : mapUnder(/^\s+environment:\s*$/, service);
      if (!environment.includes("&common")) expect(own.get("<<"), `${name} merges the shared environment`).toBe("*common");
      for (const key of ["LARK_APP_ID", "LARK_APP_SECRET", "SANDBOX"]) expect(own.has(key), `${name} overrides ${key}`).toBe(false);
    }
  });
});
