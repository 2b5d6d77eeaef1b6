// Signed, encrypted im.message.receive_v1 deliveries, each with its own message id (the bot
// dedupes repeated ids, which would make the benchmark measure only the duplicate path).
import { buildEnvelope, buildSignedRequest } from "../src/double/index.ts";

export const BENCH_LARK = {
  appId: "cli_bench",
  appSecret: "bench-secret",
  encryptKey: "bench-encrypt-key",
  verificationToken: "bench-verification-token",
};

export function signedMessages(count: number): { body: string; headers: Record<string, string> }[] {
  const ctx = { appId: BENCH_LARK.appId, tenantKey: "tenant_bench", verificationToken: BENCH_LARK.verificationToken, now: Date.now };
  return Array.from({ length: count }, (_, i) =>
    buildSignedRequest(
      buildEnvelope(ctx, "im.message.receive_v1", {
        sender: { sender_id: { open_id: `ou_bench_${i % 500}`, union_id: "on_x", user_id: "u_x" }, sender_type: "user" },
        message: {
          message_id: `om_bench_${Date.now()}_${i}`,
          chat_id: `oc_p2p_bench_${i % 500}`,
          chat_type: "p2p",
          message_type: "text",
          content: JSON.stringify({ text: "帮助" }),
          create_time: String(Date.now()),
        },
      }),
      { encryptKey: BENCH_LARK.encryptKey },
    ),
  );
}
