// A savepoint inside the router's transaction: a command refused with a UserError has its
// writes undone while the transaction goes on to write the answer and mark the event done.
import type { Tx } from "./tx.ts";

/**
 * Runs `run` under a savepoint. When it throws, everything it wrote is rolled back to the
 * savepoint and the error is thrown on, for the caller to decide (the router answers a
 * UserError and lets anything else abort the whole transaction).
 */
export async function underSavepoint<T>(tx: Tx, run: () => Promise<T>): Promise<T> {
  await tx.$executeRaw`SAVEPOINT cmd`;
  let result: T;
  try {
    result = await run();
  } catch (err) {
    // A transaction that can no longer roll back to the savepoint (closed, connection gone) is
    // lost anyway: the handler's error says more than the rollback's.
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT cmd`.catch(() => {
      throw err;
    });
    throw err;
  }
  await tx.$executeRaw`RELEASE SAVEPOINT cmd`;
  return result;
}
