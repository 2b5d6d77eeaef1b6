// Binding imported people to Lark through the project's Lark double, with the real SDK client:
// open_ids found by mobile and by e-mail are stored, unknown people are reported, calls are
// batched by 50, and a Lark failure leaves the imported rows in place.
import * as lark from "@larksuiteoapi/node-sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startLarkDouble, type LarkDouble } from "../../src/double/index.ts";
import type { LarkContact } from "../../src/roster/bind-lark.ts";
import { importRoster } from "../../src/roster/import.ts";
import { formatReport } from "../../src/roster/report.ts";
import { freshDatabase, type TestDatabase } from "../support/db.ts";

const CREDS = { appId: "cli_roster_test", appSecret: "roster-secret", encryptKey: "roster-encrypt", verificationToken: "roster-token" };
const silent = { error() {}, warn() {}, info() {}, debug() {}, trace() {} };
const NOW = new Date("2026-11-27T04:00:00Z");
const FIXTURE = new URL("../fixtures/roster/good.csv", import.meta.url).pathname;

let db: TestDatabase;
let double: LarkDouble;
let sdk: lark.Client;
/** Every batch_get_id payload the importer sent. */
let calls: { mobiles?: string[]; emails?: string[] }[];
let client: LarkContact;

beforeEach(async () => {
  db = await freshDatabase();
  double = await startLarkDouble({ ...CREDS, port: 0 });
  // A cache per client: the SDK's default one is shared, and each test's double issues new tokens.
  sdk = new lark.Client({ appId: CREDS.appId, appSecret: CREDS.appSecret, domain: double.url, logger: silent, cache: new lark.DefaultCache() });
  calls = [];
  client = {
    contact: {
      user: {
        batchGetId: (payload, options) => {
          calls.push({ ...payload?.data });
          return sdk.contact.user.batchGetId(payload, options);
        },
      },
    },
  };
});
afterEach(async () => {
  await double.close();
  await db.close();
});

const csv = (rows: string[]) => ({ name: "r.csv", data: new TextEncoder().encode(["姓名,手机号,邮箱,所在党组织,党组织编码", ...rows].join("\n")) });

describe("binding to Lark", () => {
  it("stores the open_id found by mobile or by e-mail, and lists the people Lark does not know", async () => {
    const wang = double.addUser({ name: "王书记", mobile: "+8613800138001" });
    const zhao = double.addUser({ name: "赵流动", email: "zhao@example.com" });
    const chen = double.addUser({ name: "陈党务", mobile: "13900000000", email: "chen@example.com" }); // mobile differs in Lark

    const report = await importRoster({ prisma: db.prisma, file: FIXTURE, lark: client, now: NOW });
    expect(report.ok).toBe(true);
    expect(report.lark.status).toBe("done");
    expect(report.lark.bound.map((b) => [b.name, b.by, b.openId]).sort()).toEqual(
      [
        ["王书记", "mobile", wang.open_id],
        ["赵流动", "email", zhao.open_id],
        ["陈党务", "email", chen.open_id],
      ].sort(),
    );
    const stored = await db.prisma.person.findMany({ orderBy: { id: "asc" }, select: { name: true, larkOpenId: true } });
    expect(stored).toEqual([
      { name: "王书记", larkOpenId: wang.open_id },
      { name: "李委员", larkOpenId: null },
      { name: "张老", larkOpenId: null },
      { name: "赵流动", larkOpenId: zhao.open_id },
      { name: "陈党务", larkOpenId: chen.open_id },
    ]);
    expect(report.lark.unbound.map((u) => [u.line, u.name, u.reason])).toEqual([
      [3, "李委员", "not_found"],
      [4, "张老", "not_found"],
    ]);
    const text = formatReport(report);
    expect(text).toContain("未绑定飞书 2 人");
    expect(text).toContain("    第3行 李委员（13800138002）");
    expect(report.errors).toEqual([]); // not being in Lark is not an error

    const audit = await db.prisma.auditLog.findFirst({ where: { changes: { equals: { larkOpenId: [null, wang.open_id] } } } });
    expect(audit).toMatchObject({ action: "roster.import", subjectType: "Person", actorId: null, actorOpenId: null });

    // A second import asks Lark only about the people still unbound, and changes nothing.
    calls = [];
    const before = await db.prisma.person.findMany({ orderBy: { id: "asc" } });
    const again = await importRoster({ prisma: db.prisma, file: FIXTURE, lark: client, now: NOW });
    expect(again.lark.bound).toEqual([]);
    expect(again.people).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(calls).toEqual([{ mobiles: ["13800138002", "13800138003"] }]);
    expect(await db.prisma.person.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("asks Lark in batches of at most 50", async () => {
    const rows: string[] = [];
    for (let i = 0; i < 120; i++) {
      const mobile = `1390000${String(i).padStart(4, "0")}`;
      rows.push(`党员${i},${mobile},p${i}@example.com,第一党支部,zb-1`);
      if (i % 2 === 0) double.addUser({ name: `党员${i}`, mobile });
      else if (i % 3 === 0) double.addUser({ name: `党员${i}`, email: `p${i}@example.com` });
    }
    const report = await importRoster({ prisma: db.prisma, file: csv(rows), lark: client, now: NOW });
    expect(report.rowsImported).toBe(120);
    expect(report.lark.error).toBeUndefined();
    expect(calls.map((c) => [c.mobiles?.length ?? 0, c.emails?.length ?? 0])).toEqual([
      [50, 0],
      [50, 0],
      [20, 0],
      [0, 50], // the 60 odd rows, by e-mail
      [0, 10],
    ]);
    const byMail = Array.from({ length: 120 }, (_, i) => i).filter((i) => i % 2 === 1 && i % 3 === 0).length;
    expect(report.lark.bound).toHaveLength(60 + byMail);
    expect(await db.prisma.person.count({ where: { larkOpenId: { not: null } } })).toBe(60 + byMail);
  });

  it("keeps an open_id another person here holds, and says so", async () => {
    const u = double.addUser({ name: "一人两号", mobile: "13800138001", email: "same@example.com" });
    const report = await importRoster({
      prisma: db.prisma,
      file: csv(["甲,13800138001,,一支部,zb-1", "乙,,same@example.com,一支部,zb-1"]),
      lark: client,
      now: NOW,
    });
    expect(report.lark.error).toBeUndefined();
    expect(report.lark.bound.map((b) => b.name)).toEqual(["甲"]);
    expect(report.lark.unbound).toMatchObject([{ name: "乙", reason: "taken", takenBy: { name: "甲" } }]);
    expect(await db.prisma.person.count({ where: { larkOpenId: u.open_id } })).toBe(1);
  });

  it("keeps the imported rows when Lark fails, and reports the failure", async () => {
    const failing: LarkContact = {
      contact: { user: { batchGetId: async () => ({ code: 99991663, msg: "Invalid access token for authorization" }) } },
    };
    const report = await importRoster({ prisma: db.prisma, file: FIXTURE, lark: failing, now: NOW });
    expect(report).toMatchObject({ ok: false, errors: [], rowsImported: 5, lark: { status: "failed" } });
    expect(report.lark.error).toContain("99991663");
    expect(await db.prisma.person.count()).toBe(5);
    expect(formatReport(report)).toContain("飞书接口出错，绑定未完成");
  });
});
