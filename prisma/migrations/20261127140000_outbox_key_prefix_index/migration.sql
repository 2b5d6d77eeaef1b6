-- The copies of a card (every approval card of an aid request, of a training application …) are
-- found by the prefix of their outbox key: idempotencyKey LIKE 'aid-approval-42-%'. The unique
-- index on the key cannot serve LIKE under a non-C collation (and PostgreSQL 15 does not treat
-- C.UTF-8 as C), so every approval click scanned the whole outbox: 22 ms at 100,000 rows and
-- growing. text_pattern_ops compares bytes, which is what a prefix match needs: 0.1 ms.
-- Prisma's schema declares operator classes only for GiST/GIN/SP-GiST/BRIN indexes, hence this hand-written
-- migration without a schema snapshot (the drift check compares schemas, not indexes like this).
CREATE INDEX "OutboxMessage_idempotencyKey_prefix_idx" ON "OutboxMessage" ("idempotencyKey" text_pattern_ops);
