// Every action the bot writes to the audit has words for the member it is about: the test reads
// the source (src/ and scripts/) for the actions written, so a new action without words fails
// here instead of reaching a member as "hardship.view".
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { actionsOfKind, actorLabel, auditWords, changedFields, WORDED_ACTIONS } from "../../src/domain/audit-words.ts";

const ROOT = join(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

// An audit action is dotted lowercase ("hardship.view", "talk.export-notes"). HardshipHistory's
// own actions ("OPENED", "RESOLVED") are a different table's words and never match.
const AUDIT_ACTION = /^[a-z][a-z_-]*(\.[a-z][a-z_-]*)+$/;
const QUOTED = /"([^"\n]*)"|'([^'\n]*)'|`([^`\n]*)`/g;

/** Actions built from a template, and every value they take (the zod enum beside them). */
const TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  "hardship.review.${value.d}": ["hardship.review.keep", "hardship.review.resolve", "hardship.review.refer"],
};

/**
 * The actions written anywhere in the source: string literals on a line that sets `action:` (a
 * ternary gives two), constants named *_ACTION, and literals in an INSERT INTO "AuditLog" of its
 * own. Returns the templates it could not expand.
 */
function writtenActions(): { actions: Map<string, string>; unknownTemplates: string[] } {
  const actions = new Map<string, string>();
  const unknownTemplates: string[] = [];
  for (const file of [...sources(join(ROOT, "src")), ...sources(join(ROOT, "scripts"))]) {
    const text = readFileSync(file, "utf8");
    // Lines written by SQL of their own (an erasure's line in one statement with its changes).
    for (const m of text.matchAll(/INSERT INTO "AuditLog"[^;`]*/g)) for (const q of m[0].matchAll(/'([^'\n]*)'/g)) if (AUDIT_ACTION.test(q[1]!)) actions.set(q[1]!, file);
    for (const line of text.split("\n")) {
      if (!/\baction:|[A-Z_]+_ACTION\s*=/.test(line)) continue;
      const expr = line.slice(line.search(/\baction:|[A-Z_]+_ACTION\s*=/));
      for (const m of expr.matchAll(QUOTED)) {
        const s = m[1] ?? m[2] ?? m[3] ?? "";
        if (m[3] !== undefined && s.includes("${")) {
          if (!AUDIT_ACTION.test(s.replace(/\$\{[^}]*\}/g, "x"))) continue;
          const expanded = TEMPLATES[s];
          if (!expanded) unknownTemplates.push(`${file}: ${s}`);
          for (const a of expanded ?? []) actions.set(a, file);
        } else if (AUDIT_ACTION.test(s)) actions.set(s, file);
      }
    }
  }
  return { actions, unknownTemplates };
}

describe("audit words", () => {
  it("has words for every action written in the source", () => {
    const { actions, unknownTemplates } = writtenActions();
    expect(actions.size).toBeGreaterThan(60);
    expect(unknownTemplates, "an action built from a template: list its values in TEMPLATES").toEqual([]);
    const missing = [...actions].filter(([a]) => !WORDED_ACTIONS.includes(a)).map(([a, file]) => `${a} (${file.slice(ROOT.length + 1)})`);
    expect(missing, "add these to src/domain/audit-words.ts").toEqual([]);
  });

  it("never prints a code: every sentence is Chinese on the Chinese side", () => {
    for (const action of WORDED_ACTIONS) {
      for (const whose of [{ you: true } as const, { you: false, name: "张三" } as const]) {
        const w = auditWords({ action, fields: [], ref: "2026-0007" }, whose)!;
        expect(w.what.zh, action).toMatch(/[\u4e00-\u9fff]/);
        expect(w.what.zh, action).not.toMatch(/[a-z]{3,}/);
        expect(w.what.en.length, action).toBeGreaterThan(3);
      }
    }
    expect(auditWords({ action: "no.such.action", fields: [], ref: null }, { you: true })).toBeNull();
  });

  it("says what was done in the member's words", () => {
    const you = { you: true } as const;
    expect(auditWords({ action: "hardship.view", fields: [], ref: null }, you)).toMatchObject({ kind: "view", what: { zh: "查看了您的困难档案" } });
    expect(auditWords({ action: "hardship.update", fields: changedFields({ household: "changed", level: ["B", "A"], entryId: 3 }), ref: null }, you)!.what.zh).toBe("修改了您的困难档案（家庭情况、困难等级）");
    expect(auditWords({ action: "talk.create", fields: changedFields({ memberId: 4, notes: ["life"] }), ref: null }, you)).toMatchObject({ kind: "change", what: { zh: "记录了与您的谈心" } });
    expect(auditWords({ action: "aid.attachment.view", fields: [], ref: "2026-0007" }, you)!.what.zh).toBe("查看了您的求助 2026-0007 附件");
    expect(auditWords({ action: "hardship.view", fields: [], ref: null }, { you: false, name: "张三" })!.what).toEqual({ zh: "查看了张三的困难档案", en: "viewed 张三's hardship file" });
    expect(auditWords({ action: "talk.correct", fields: changedFields({ fields: ["life", "concerns"], memberId: 4 }), ref: null }, you)!.what.zh).toBe("更正了与您的谈心记录（生活情况、意见诉求）");
  });

  it("names the actor by their role where the line was written, and the system as such", () => {
    const wang = { name: "王建国", roles: [{ role: "MEMBER" as const, orgId: 1, orgKind: "BRANCH" as const }, { role: "SECRETARY" as const, orgId: 1, orgKind: "BRANCH" as const }] };
    expect(actorLabel(wang, 1, { zh: "", en: "" }).zh).toBe("王建国（支部书记）");
    const upper = { name: "赵书记", roles: [{ role: "SECRETARY" as const, orgId: 9, orgKind: "COMMITTEE" as const }] };
    expect(actorLabel(upper, 1, { zh: "", en: "" }).zh).toBe("赵书记（党委书记）");
    expect(actorLabel(null, 1, { zh: "定时提醒", en: "reminders" })).toEqual({ zh: "同心系统（定时提醒）", en: "Tongxin (reminders)" });
    expect(actorLabel({ name: "周八", roles: [] }, 1, { zh: "", en: "" }).zh).toBe("周八");
    expect(actorLabel({ ...wang, name: "张三", self: true }, 1, { zh: "", en: "" }).zh).toBe("张三（本人）");
    expect(auditWords({ action: "aid.request.file", fields: [], ref: "2026-0001" }, { you: false, name: "张三", self: true })!.what.zh).toBe("提交了自己的求助 2026-0001");
  });

  it("splits views from changes for the secretary's filter", () => {
    expect(actionsOfKind("view")).toContain("hardship.view");
    expect(actionsOfKind("view")).not.toContain("talk.create");
    expect(actionsOfKind("change")).toContain("talk.create");
  });
});
