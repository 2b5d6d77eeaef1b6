// What the generated Prisma client expects of the database (tables, columns, nullability,
// types, enum values) and what a migrated database has, as comparable lists. The client's
// runtime data model names models and fields but not modifiers, so nullability, lists, @map
// and @db types come from the schema text the client was generated from (its inlineSchema).
import type { SqlExecutor } from "../../src/store/db.ts";

export interface Column {
  table: string;
  column: string;
  /** PostgreSQL udt_name: int4, text, timestamp, date, jsonb, an enum's name, _X for arrays. */
  type: string;
  nullable: boolean;
}

export interface Shape {
  columns: Column[];
  /** enum name -> values in declaration order */
  enums: Record<string, string[]>;
}

interface RuntimeField {
  name: string;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
}
interface RuntimeDataModel {
  models: Record<string, { dbName: string | null; fields: RuntimeField[] }>;
}

/** The generated client keeps these on every instance; they are internal, hence the narrow cast. */
export function clientInternals(prisma: object): { dataModel: RuntimeDataModel; schema: string } {
  const p = prisma as { _runtimeDataModel?: RuntimeDataModel; _engineConfig?: { inlineSchema?: string } };
  if (!p._runtimeDataModel || !p._engineConfig?.inlineSchema) {
    throw new Error("the generated client no longer exposes _runtimeDataModel / inlineSchema: update datamodel-columns.ts");
  }
  return { dataModel: p._runtimeDataModel, schema: p._engineConfig.inlineSchema };
}

const SCALAR_UDT: Record<string, string> = {
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Decimal: "numeric",
  String: "text",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Bytes: "bytea",
};

// @db.X native types that name a different udt than the scalar's default.
const NATIVE_UDT: Record<string, string> = {
  Date: "date",
  Time: "time",
  Timetz: "timetz",
  Timestamp: "timestamp",
  Timestamptz: "timestamptz",
  VarChar: "varchar",
  Char: "bpchar",
  Text: "text",
  Uuid: "uuid",
  SmallInt: "int2",
  Integer: "int4",
  BigInt: "int8",
  Real: "float4",
  DoublePrecision: "float8",
  Decimal: "numeric",
  Money: "money",
  Json: "json",
  JsonB: "jsonb",
  ByteA: "bytea",
  Boolean: "bool",
  Inet: "inet",
  Citext: "citext",
  Xml: "xml",
};

/**
 * Body lines of `model X {` / `enum X {` blocks, comments dropped. Line-based because a body
 * may contain braces (`@default("{}")`); a block ends at a line holding only `}`.
 */
function blocks(schema: string, keyword: "model" | "enum"): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of schema.split("\n")) {
    const line = raw.replace(/^\s*\/\/.*$/, "").trim();
    const start = new RegExp(`^${keyword}\\s+(\\w+)\\s*\\{$`).exec(line);
    if (start) out.set(start[1]!, (current = []));
    else if (line === "}") current = undefined;
    else if (current && line) current.push(line);
  }
  return out;
}

export function expectedShape(prisma: object): Shape {
  const { dataModel, schema } = clientInternals(prisma);
  const models = blocks(schema, "model");
  const columns: Column[] = [];
  for (const [modelName, model] of Object.entries(dataModel.models)) {
    const lines = models.get(modelName);
    if (!lines) throw new Error(`model ${modelName} not found in the client's inlineSchema`);
    const tableMap = lines.map((l) => /^@@map\("([^"]+)"\)/.exec(l)?.[1]).find(Boolean);
    const table = model.dbName ?? tableMap ?? modelName;
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const line = lines.find((l) => new RegExp(`^${field.name}\\s`).test(l));
      const decl = line && /^\w+\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!decl) throw new Error(`field ${modelName}.${field.name} not found in the client's inlineSchema`);
      const [, , list, optional, rest = ""] = decl;
      if (/@ignore\b/.test(rest)) continue;
      const native = /@db\.(\w+)/.exec(rest)?.[1];
      const base = field.kind === "enum" ? field.type : ((native && NATIVE_UDT[native]) ?? SCALAR_UDT[field.type] ?? field.type.toLowerCase());
      columns.push({
        table,
        column: /@map\("([^"]+)"\)/.exec(rest)?.[1] ?? field.name,
        type: list ? `_${base}` : base,
        // Prisma makes list columns nullable on PostgreSQL (an absent list reads as []).
        nullable: Boolean(optional || list),
      });
    }
  }
  const enums: Record<string, string[]> = {};
  for (const [name, lines] of blocks(schema, "enum")) {
    enums[/^@@map\("([^"]+)"\)/.exec(lines.join("\n"))?.[1] ?? name] = lines
      .filter((l) => !l.startsWith("@@"))
      .map((l) => {
        const mapped = /@map\("([^"]+)"\)/.exec(l)?.[1];
        return mapped ?? l.split(/\s+/)[0]!;
      });
  }
  return { columns, enums };
}

/** The shape of the current schema (search_path) of a database, without Prisma's own table. */
export async function databaseShape(sql: Pick<SqlExecutor, "query">): Promise<Shape> {
  const rows = await sql.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
    `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
      ORDER BY table_name, ordinal_position`,
  );
  const enumRows = await sql.query<{ typname: string; enumlabel: string }>(
    `SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder`,
  );
  const enums: Record<string, string[]> = {};
  for (const r of enumRows) (enums[r.typname] ??= []).push(r.enumlabel);
  return {
    columns: rows.map((r) => ({ table: r.table_name, column: r.column_name, type: r.udt_name, nullable: r.is_nullable === "YES" })),
    enums,
  };
}

/** Human-readable differences; empty when the database fits the client. */
export function compareShapes(expected: Shape, actual: Shape): string[] {
  const key = (c: Column) => `${c.table}.${c.column}`;
  const have = new Map(actual.columns.map((c) => [key(c), c]));
  const want = new Map(expected.columns.map((c) => [key(c), c]));
  const diffs: string[] = [];
  for (const [k, w] of want) {
    const h = have.get(k);
    if (!h) diffs.push(`missing column ${k}`);
    else {
      if (h.type !== w.type) diffs.push(`${k}: type ${h.type}, client expects ${w.type}`);
      if (h.nullable !== w.nullable) diffs.push(`${k}: ${h.nullable ? "nullable" : "NOT NULL"}, client expects ${w.nullable ? "nullable" : "NOT NULL"}`);
    }
  }
  for (const k of have.keys()) if (!want.has(k)) diffs.push(`column ${k} is not in the client's data model`);
  for (const [name, values] of Object.entries(expected.enums)) {
    const got = actual.enums[name];
    if (!got) diffs.push(`missing enum ${name}`);
    else if (got.join(",") !== values.join(",")) diffs.push(`enum ${name}: [${got.join(", ")}], client expects [${values.join(", ")}]`);
  }
  for (const name of Object.keys(actual.enums)) if (!expected.enums[name]) diffs.push(`enum ${name} is not in the client's data model`);
  return diffs;
}
