// One zod schema per roster row: it turns the cells of a row into a typed PersonRow or OrgRow,
// or into Chinese messages saying what to fix. Pure: no store, no other rows (see resolve.ts).
import { z } from "zod";
import type { OrgKind, PersonTag } from "../generated/prisma/enums.ts";
import { cellText, parseCode, parseDate, parseEmail, parseMobile, parsePersonRef, type CellRead, type PersonRef } from "./cells.ts";
import { cell, given, limited, names, ok, optional, required, type Input } from "./cell-schema.ts";
import { historyFields, historyIssues, type HistoryCells } from "./history-cells.ts";
import { mapOrgHeader, mapPersonHeader, ORG_COLUMNS, PERSON_COLUMNS, type HeaderMap, type OrgField, type PersonField } from "./columns.ts";
import type { Cell, RawRow, RawTable } from "./parse.ts";
import type { RosterProblem } from "./problems.ts";
import { KIND_HINT, kindByName, ROLE_HINT, roleByName, TAG_HINT, tagByName, type RosterRole } from "./vocab.ts";

/** A 联系领导 as written: an 11-digit mobile, otherwise a name. */
export type LeaderRef = PersonRef;

/**
 * Optional columns follow one rule: `undefined` when the column is not in the file (the store
 * keeps what it has), `null` when the cell is empty (the store clears it).
 */
export interface PersonRow extends HistoryCells {
  readonly line: number;
  readonly name: string;
  readonly mobile: string | null;
  readonly email: string | null;
  readonly orgCode: string;
  readonly orgName: string | null;
  readonly parentCode: string | null;
  /** Always holds MEMBER when present; undefined when there is no 角色 column. */
  readonly roles: readonly RosterRole[] | undefined;
  readonly tags: readonly PersonTag[] | undefined;
  readonly birthDate: string | null | undefined;
  readonly joinedPartyOn: string | null | undefined;
  readonly leader: LeaderRef | null | undefined;
  readonly whereabouts: string | null | undefined;
}

export interface OrgRow {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly parentCode: string | null;
}

function personRowSchema(today: string) {
  return z
    .object({
      line: z.number(),
      name: cell(required(PERSON_COLUMNS.name, 50)),
      // Identity and organisation cells are never "cleared": empty means "not given here".
      mobile: cell(given(parseMobile)),
      email: cell(given(parseEmail)),
      orgCode: cell((c) => {
        const r = required(PERSON_COLUMNS.orgCode, 64)(c);
        return r.ok ? parseCode(r.value, PERSON_COLUMNS.orgCode) : r;
      }),
      orgName: cell(given(limited(PERSON_COLUMNS.orgName, 100))),
      parentCode: cell(given((t) => parseCode(t, PERSON_COLUMNS.parentCode))),
      roles: cell((c): CellRead<RosterRole[] | undefined> => {
        const r = optional(names(PERSON_COLUMNS.roles, roleByName, ROLE_HINT))(c);
        if (!r.ok) return r;
        if (r.value === undefined) return ok(undefined);
        // Every person on a branch's roster is a 党员 of it, whatever else they are.
        return ok<RosterRole[]>(["MEMBER", ...(r.value ?? []).filter((x) => x !== "MEMBER")]);
      }),
      tags: cell((c): CellRead<PersonTag[] | undefined> => {
        const r = optional(names(PERSON_COLUMNS.tags, tagByName, TAG_HINT))(c);
        return r.ok ? ok(r.value === null ? [] : r.value) : r;
      }),
      birthDate: cell(optional((_t, c) => parseDate(c, PERSON_COLUMNS.birthDate, today))),
      joinedPartyOn: cell(optional((_t, c) => parseDate(c, PERSON_COLUMNS.joinedPartyOn, today))),
      leader: cell(optional(parsePersonRef)),
      whereabouts: cell(optional(limited(PERSON_COLUMNS.whereabouts, 200))),
      ...historyFields(today),
    })
    .superRefine(
      (row, ctx) => {
        // Runs even when a field failed (see `when`), so every problem of a row is told at once;
        // fields that failed hold no usable value, hence the typeof guards.
        if (row.mobile === null && row.email === null) {
          ctx.addIssue({ code: "custom", message: "手机号和邮箱至少填一个（用于绑定飞书账号）" });
        }
        if (typeof row.birthDate === "string" && typeof row.joinedPartyOn === "string" && row.joinedPartyOn < row.birthDate) {
          ctx.addIssue({ code: "custom", message: `入党日期“${row.joinedPartyOn}”早于出生日期“${row.birthDate}”，请核对` });
        }
        for (const message of historyIssues(row)) ctx.addIssue({ code: "custom", message });
      },
      { when: () => true },
    );
}

const orgRowSchema = z.object({
  line: z.number(),
  code: cell((c) => {
    const r = required(ORG_COLUMNS.code, 64)(c);
    return r.ok ? parseCode(r.value, ORG_COLUMNS.code) : r;
  }),
  name: cell(required(ORG_COLUMNS.name, 100)),
  kind: cell((c): CellRead<OrgKind> => {
    const text = cellText(c);
    if (text === "") return { ok: false, message: `${ORG_COLUMNS.kind}不能为空，可填：${KIND_HINT}` };
    const kind = kindByName.get(text);
    return kind ? ok(kind) : { ok: false, message: `${ORG_COLUMNS.kind}“${text}”无法识别，可填：${KIND_HINT}` };
  }),
  parentCode: cell((c) => {
    const text = cellText(c);
    return text === "" ? ok(null) : parseCode(text, ORG_COLUMNS.parentCode);
  }),
});

function cellsOf<F extends string>(row: RawRow, header: HeaderMap<F>): Record<F, Input> {
  const out = {} as Record<F, Input>;
  for (const [field, i] of Object.entries(header.index) as [F, number][]) out[field] = row.cells[i] ?? null;
  return out;
}

/** What can still be read from a failed row: enough to point at it from another row. */
export interface BadRow {
  readonly line: number;
  readonly name: string;
  readonly mobile: string | null;
  readonly email: string | null;
  readonly code: string;
}

export interface ParsedRows<R> {
  readonly rows: R[];
  /** Lines whose row failed; kept so other rows can say "第N行有错误" instead of "找不到". */
  readonly badRows: BadRow[];
  readonly problems: RosterProblem[];
  readonly warnings: RosterProblem[];
  readonly columns: ReadonlySet<string>;
  /** False when the header itself is unusable (a required column missing); rows were not read. */
  readonly headerOk: boolean;
}

function headerProblems<F extends string>(
  table: RawTable,
  header: HeaderMap<F>,
  columns: Record<F, string>,
  requiredFields: readonly F[],
): { problems: RosterProblem[]; warnings: RosterProblem[] } {
  const at = { sheet: table.sheet, line: table.headerLine };
  const problems: RosterProblem[] = requiredFields
    .filter((f) => header.index[f] === undefined)
    .map((f) => ({ ...at, message: `缺少必填列“${columns[f]}”` }));
  for (const f of header.duplicated) problems.push({ ...at, message: `列“${columns[f]}”出现了两次` });
  const warnings: RosterProblem[] = header.unknown.length
    ? [{ ...at, message: `忽略了无法识别的列：${header.unknown.map((u) => `“${u}”`).join("、")}` }]
    : [];
  return { problems, warnings };
}

function issuesToProblems(table: RawTable, line: number, issues: readonly { message: string }[]): RosterProblem[] {
  return issues.map((i) => ({ sheet: table.sheet, line, message: i.message }));
}

export function parsePersonRows(table: RawTable, today: string): ParsedRows<PersonRow> {
  const header = mapPersonHeader(table.header);
  const head = headerProblems(table, header, PERSON_COLUMNS, ["name", "orgCode"]);
  if (header.index.mobile === undefined && header.index.email === undefined) {
    head.problems.push({ sheet: table.sheet, line: table.headerLine, message: "缺少“手机号”或“邮箱”列（至少要有一列，用于绑定飞书账号）" });
  }
  const result: ParsedRows<PersonRow> = { rows: [], badRows: [], problems: head.problems, warnings: head.warnings, columns: new Set(Object.keys(header.index)), headerOk: head.problems.length === 0 };
  if (!result.headerOk) return result;
  const schema = personRowSchema(today);
  for (const raw of table.rows) {
    const input = { line: raw.line, ...cellsOf<PersonField>(raw, header) };
    const parsed = schema.safeParse(input);
    if (parsed.success) {
      result.rows.push(parsed.data);
      if (parsed.data.tags?.includes("MOBILE") && parsed.data.whereabouts === null) {
        result.warnings.push({ sheet: table.sheet, line: raw.line, message: "标注了流动党员，但没有填写流动去向" });
      }
    } else {
      result.badRows.push(badRow(raw.line, input.name, input.mobile, input.email, input.orgCode));
      result.problems.push(...issuesToProblems(table, raw.line, parsed.error.issues));
    }
  }
  return result;
}

function badRow(line: number, name: Input, mobile: Input, email: Input, code: Input): BadRow {
  const m = parseMobile(cellText(mobile));
  const e = parseEmail(cellText(email));
  return { line, name: cellText(name), mobile: m.ok ? m.value : null, email: e.ok ? e.value : null, code: cellText(code) };
}

export function parseOrgRows(table: RawTable): ParsedRows<OrgRow> {
  const header = mapOrgHeader(table.header);
  const head = headerProblems(table, header, ORG_COLUMNS, ["code", "name", "kind"]);
  const result: ParsedRows<OrgRow> = { rows: [], badRows: [], problems: head.problems, warnings: head.warnings, columns: new Set(Object.keys(header.index)), headerOk: head.problems.length === 0 };
  if (!result.headerOk) return result;
  for (const raw of table.rows) {
    const input = { line: raw.line, ...cellsOf<OrgField>(raw, header) };
    const parsed = orgRowSchema.safeParse(input);
    if (parsed.success) result.rows.push(parsed.data);
    else {
      result.badRows.push(badRow(raw.line, input.name, undefined, undefined, input.code));
      result.problems.push(...issuesToProblems(table, raw.line, parsed.error.issues));
    }
  }
  return result;
}
