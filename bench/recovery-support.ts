// What the recovery bench and its worker processes share: the bot's configuration against the
// bench's database, Redis server, queue prefix and Lark double.
import { parseConfig, type Config } from "../src/config.ts";

export const RECOVERY_LARK = {
  appId: "cli_recovery_bench",
  appSecret: "recovery-bench-secret",
  encryptKey: "recovery-bench-encrypt-key",
  verificationToken: "recovery-bench-verification-token",
};
const DATA_KEYS = `rb1:${Buffer.from("recovery-bench-data-key-32-bytes").toString("base64")}`;

export function recoveryConfig(o: { role: "all" | "worker" | "scheduler"; databaseUrl: string; larkUrl: string; redisUrl: string; prefix: string }): Config {
  return parseConfig({
    ROLE: o.role,
    LARK_APP_ID: RECOVERY_LARK.appId,
    LARK_APP_SECRET: RECOVERY_LARK.appSecret,
    LARK_ENCRYPT_KEY: RECOVERY_LARK.encryptKey,
    LARK_VERIFICATION_TOKEN: RECOVERY_LARK.verificationToken,
    LARK_BASE_URL: o.larkUrl,
    DATABASE_URL: o.databaseUrl,
    REDIS_URL: o.redisUrl,
    QUEUE_PREFIX: o.prefix,
    DATA_KEYS,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
  });
}
