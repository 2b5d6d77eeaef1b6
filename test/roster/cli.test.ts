// `npm run roster:import -- FILE` end to end: a child process against a fresh database,
// checking what the secretary sees and the exit code a calling script sees.
import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../support/db.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const fixture = (name: string) => new URL(`../fixtures/roster/${name}`, import.meta.url).pathname;

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db.close();
});

function runCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // A clean environment: no Lark credentials (so no binding), only the test database.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: db.url, LOG_LEVEL: "warn" };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/roster-import.ts", ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("roster:import", () => {
  it("exits 0 on a good file, and a second run reports everything unchanged", { timeout: 120_000 }, async () => {
    const good = await runCli(fixture("good.xlsx"));
    expect(good.stderr).toBe("");
    expect(good.code).toBe(0);
    expect(good.stdout).toContain("党员：新建 5，更新 0，未变 0");
    expect(good.stdout).toContain("飞书绑定：未连接飞书，跳过");

    const again = await runCli(fixture("good.xlsx"), "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, people: { created: 0, updated: 0, unchanged: 5 } });
    expect(await db.prisma.person.count()).toBe(5);
  });

  it("prints the removals a re-import implies, unapplied, and how they are confirmed", { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "roster-cli-"));
    const file = `${dir}/少了张老.csv`;
    // zb-1 without 张老 (and without 陈党务's zb-2 at all: that branch is not covered).
    await writeFile(file, ["姓名,手机号,邮箱,党组织编码", "王书记,13800138001,,zb-1", "李委员,13800138002,,zb-1", "赵流动,,zhao@example.com,zb-1"].join("\n"));
    const r = await runCli(file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("待确认的名册变动（尚未生效，人员和角色暂时保持不变）：");
    expect(r.stdout).toContain("张老（13800138003）：名册中没有此人，将移出本组织（党员）");
    expect(r.stdout).toContain("没有可以确认的支部书记");
    expect(r.stdout).toMatch(/^结果：成功；.*；1 项名册移除待支部书记确认。$/m);
    expect(await db.prisma.membership.count({ where: { status: "ENDED" } })).toBe(0);
  });

  it("exits 1 and prints each bad row with its line", { timeout: 120_000 }, async () => {
    const bad = await runCli(fixture("bad.csv"));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("  第4行：手机号“1380013”不是11位手机号\n");
    expect(bad.stdout).toContain("读取党员 16 行，导入 2 行，14 行有错误未导入。");
    expect(bad.stdout).toMatch(/^结果：有错误；读取 16 行，导入 2 行，14 行未导入；/m);
  });

  it("exits 2 for a missing file", { timeout: 120_000 }, async () => {
    const missing = await runCli("/nonexistent/名单.xlsx");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("找不到文件");
  });
});
