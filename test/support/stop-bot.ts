// Stops a bot started by a test and leaves nothing of it behind: its queues' keys in the shared
// Redis and its database.
import type { Redis } from "ioredis";
import type { App } from "../../src/app.ts";
import type { LarkDouble } from "../../src/double/index.ts";
import type { Database } from "../../src/store/db.ts";

export async function stopBot(b: { app: App; double: LarkDouble; redis: Redis; db: Database }): Promise<void> {
  await b.app.close();
  await b.double.close();
  const keys = await b.redis.keys(`${b.app.config.queuePrefix}:*`);
  if (keys.length > 0) await b.redis.del(...keys);
  b.redis.disconnect();
  await b.db.close();
}
