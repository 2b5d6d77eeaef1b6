// A scheduled push follows its recipient's language: the morning talk sweep sends a leader who
// reads English their digest in English only, and a leader who reads Chinese theirs in Chinese,
// from the same run (the sweep stages both sides; the delivery draws each in its reader's).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type Harness } from "../support/harness.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";
import { addTalk, at, setLeader, startTalkHarness } from "../talks/support.ts";

let h: Harness;
let english: SeededPerson;
let chinese: SeededPerson;
const CJK = /[\u3400-\u9fff]/;
const MEMBERS = ["党员甲", "党员乙"];

/** Every visible string of a card (text contents), data such as names taken out. */
function chineseLeft(card: unknown, data: string[]): string[] {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (typeof x !== "object" || x === null) return;
    for (const [k, v] of Object.entries(x)) {
      if (k === "behaviors") continue;
      if (k === "content" && typeof v === "string") out.push(v);
      else walk(v);
    }
  };
  walk(card);
  return out.map((s) => data.reduce((x, d) => x.split(d).join(""), s)).filter((s) => CJK.test(s));
}

beforeAll(async () => {
  h = await startTalkHarness({ clockStart: at("2027-03-01", "09:00") });
  const p = h.db.prisma;
  const orgId = (await seedOrg(p, "lp", "语言测试党支部")).id;
  english = await seedPerson(p, h.double, { name: "支委英", orgId, roles: ["LEADER"] });
  chinese = await seedPerson(p, h.double, { name: "支委中", orgId, roles: ["LEADER"] });
  const [a, b] = await Promise.all(MEMBERS.map((name) => seedPerson(p, h.double, { name, orgId, roles: [] })));
  await p.membership.updateMany({ data: { createdAt: at("2020-01-01") } });
  // Each leader holds one member whose last talk was a year ago: overdue today.
  await setLeader(h, a!.id, english.id);
  await setLeader(h, b!.id, chinese.id);
  await addTalk(h, { orgId, memberId: a!.id, leaderId: english.id, heldOn: "2026-01-10" });
  await addTalk(h, { orgId, memberId: b!.id, leaderId: chinese.id, heldOn: "2026-01-10" });
  // The English reader chose English in chat, as a person does.
  const said = await h.double.say({ from: english.openId, text: "English" });
  await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
}, 60_000);
afterAll(async () => h?.close());

describe("a scheduled push in its reader's language", () => {
  it("sends the talk digest in English to the leader who reads English, in Chinese to the other", async () => {
    await h.app.maintenance!.run("talk-sweep");
    const toEnglish = await h.double.waitForMessage({ to: english.openId, where: (m) => m.msg_type === "interactive" && JSON.stringify(m.content).includes("党员甲") });
    const toChinese = await h.double.waitForMessage({ to: chinese.openId, where: (m) => m.msg_type === "interactive" && JSON.stringify(m.content).includes("党员乙") });
    for (const m of [toEnglish, toChinese]) expect(JSON.stringify(m.content)).not.toContain("i18n");
    expect(chineseLeft(toEnglish.content, [...MEMBERS, "语言测试党支部", english.name])).toEqual([]);
    expect(JSON.stringify(toChinese.content)).toMatch(/谈心/);
    // The outbox row was staged without a language (the sweep does not know it) and records the one it went out in.
    const rows = await eventually(async () => {
      const r = await h.db.prisma.outboxMessage.findMany({ where: { larkMessageId: { in: [toEnglish.message_id, toChinese.message_id] } } });
      return r.length === 2 && r;
    });
    expect(new Map(rows.map((r) => [r.receiveId, r.lang]))).toEqual(new Map([[english.openId, "EN"], [chinese.openId, "ZH"]]));
  });
});
