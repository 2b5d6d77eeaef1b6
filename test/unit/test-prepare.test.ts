// scripts/test-prepare.sh, which `npm test` and .ci/run run first. The real services stay as they
// are: "PostgreSQL is down" is played by a pg_isready on PATH that says so, "Chromium is missing"
// by pointing the script at a path where there is none, and TEST_PREPARE_NO_INSTALL=1 stands for
// a user who may not install or start anything.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const SCRIPT = new URL("../../scripts/test-prepare.sh", import.meta.url).pathname;
const INSTALL = "apt-get install -y --no-install-recommends chromium fonts-wqy-microhei fonts-noto-color-emoji";

// Without the variables that change what the script manages.
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !["CHROMIUM_PATH", "TEST_PG_BASE", "TEST_REDIS_URL"].includes(k) && !k.startsWith("TEST_PREPARE_")),
);

function run(env: Record<string, string> = {}) {
  const r = spawnSync("bash", [SCRIPT], { env: { ...baseEnv, ...env }, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stderr: r.stderr };
}

const stubs = mkdtempSync(join(tmpdir(), "test-prepare-"));
/** A directory to put before PATH, holding `name` that behaves as a stopped service's client. */
function stub(name: string, script: string): string {
  const dir = mkdtempSync(join(stubs, "bin-"));
  writeFileSync(join(dir, name), `#!/bin/sh\n${script}\n`);
  chmodSync(join(dir, name), 0o755);
  return `${dir}:${process.env.PATH}`;
}
afterAll(() => rmSync(stubs, { recursive: true, force: true }));

describe("scripts/test-prepare.sh", () => {
  it("passes when everything is there, and again the second time, changing nothing", () => {
    const first = run();
    expect(first.stderr).toContain("就绪");
    expect(first.code).toBe(0);
    const second = run();
    expect(second).toEqual(first);
  });

  it("stops with the command that installs Chromium when it is missing and may not be installed", () => {
    const r = run({ TEST_PREPARE_DEBIAN_CHROMIUM: "/nonexistent/chromium", TEST_PREPARE_NO_INSTALL: "1" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("没有安装 Chromium");
    expect(r.stderr).toContain(INSTALL);
    expect(r.stderr).not.toContain("就绪");
  });

  it("stops when CHROMIUM_PATH points at nothing, since installing Debian's would not help", () => {
    const r = run({ CHROMIUM_PATH: "/nonexistent" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("CHROMIUM_PATH=/nonexistent");
    expect(r.stderr).toContain("unset CHROMIUM_PATH");
  });

  it("stops with the start command when PostgreSQL is installed but down and may not be started", () => {
    const r = run({ PATH: stub("pg_isready", "exit 2"), TEST_PREPARE_NO_INSTALL: "1" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("PostgreSQL 没有运行");
    expect(r.stderr).toMatch(/pg_ctlcluster --skip-systemctl-redirect \d+ main start/);
  });

  it("stops with the start command when Redis is installed but down and may not be started", () => {
    const r = run({ PATH: stub("redis-cli", "exit 1"), TEST_PREPARE_NO_INSTALL: "1" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Redis 没有运行");
    expect(r.stderr).toContain('redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save ""');
  });
});
