import type { PrismaClient } from "../generated/prisma/client.ts";

/** A Prisma interactive-transaction client: what repositories take so callers own the transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
