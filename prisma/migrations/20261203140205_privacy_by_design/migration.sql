-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "InboundEvent" ADD COLUMN     "prunedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "prunedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "chain" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "hash" TEXT,
ADD COLUMN     "seq" INTEGER,
ADD COLUMN     "subjectPersonId" INTEGER;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "chain" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("chain")
);

-- CreateTable
CREATE TABLE "DataKeyProbe" (
    "keyId" TEXT NOT NULL,
    "probe" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataKeyProbe_pkey" PRIMARY KEY ("keyId")
);

-- CreateTable
CREATE TABLE "ExportFile" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "fileKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "ExportFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExportFile_personId_createdAt_idx" ON "ExportFile"("personId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_subjectPersonId_at_idx" ON "AuditLog"("subjectPersonId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_chain_seq_key" ON "AuditLog"("chain", "seq");

-- ───────────── The audit: hash-chained per organisation, append-only (written by hand) ─────────────

-- One line's digest: the previous line's hash, then every field of the line in a fixed order.
-- The verifier recomputes it with this same function, so the format has one definition.
CREATE FUNCTION audit_line_digest(prev text, l "AuditLog") RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    coalesce(prev, ''), l."chain"::text, l."seq"::text,
    to_char(l."at", 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(l."actorId"::text, ''), coalesce(l."actorOpenId", ''), l."action", l."subjectType", l."subjectId",
    coalesce(l."orgId"::text, ''), coalesce(l."subjectPersonId"::text, ''),
    coalesce(l."changes"::text, ''), coalesce(l."eventKey", '')), 'UTF8')), 'hex')
$$;

-- Lines written before the chain existed are chained now, in the order they were written.
DO $$
DECLARE
  l "AuditLog";
  prev text;
  n int;
BEGIN
  FOR l IN SELECT * FROM "AuditLog" ORDER BY coalesce("orgId", 0), "id" LOOP
    l."chain" := coalesce(l."orgId", 0);
    SELECT "seq", "hash" INTO n, prev FROM "AuditChainHead" WHERE "chain" = l."chain";
    IF NOT FOUND THEN n := 0; prev := ''; END IF;
    l."seq" := n + 1;
    l."hash" := audit_line_digest(prev, l);
    UPDATE "AuditLog" SET "chain" = l."chain", "seq" = l."seq", "hash" = l."hash" WHERE "id" = l."id";
    INSERT INTO "AuditChainHead" ("chain", "seq", "hash") VALUES (l."chain", l."seq", l."hash")
      ON CONFLICT ("chain") DO UPDATE SET "seq" = EXCLUDED."seq", "hash" = EXCLUDED."hash";
  END LOOP;
END $$;

-- Each new line takes the next place in its organisation's chain. The head row is locked until
-- the writing transaction commits, so lines of one organisation are chained one after another;
-- other organisations' lines are not held up (one global chain would serialise every write).
CREATE FUNCTION audit_chain_line() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  n int;
  prev text;
BEGIN
  NEW."chain" := coalesce(NEW."orgId", 0);
  INSERT INTO "AuditChainHead" ("chain", "seq", "hash") VALUES (NEW."chain", 0, '') ON CONFLICT ("chain") DO NOTHING;
  SELECT "seq", "hash" INTO n, prev FROM "AuditChainHead" WHERE "chain" = NEW."chain" FOR UPDATE;
  NEW."seq" := n + 1;
  NEW."hash" := audit_line_digest(prev, NEW);
  UPDATE "AuditChainHead" SET "seq" = NEW."seq", "hash" = NEW."hash" WHERE "chain" = NEW."chain";
  RETURN NEW;
END $$;

CREATE TRIGGER "AuditLog_chain" BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION audit_chain_line();

-- Nobody rewrites the audit, not even the application's own database user. In production the
-- application also runs as a role without UPDATE or DELETE on it (scripts/db-app-role.ts).
CREATE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER "AuditChainHead_append_only" BEFORE DELETE ON "AuditChainHead" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
