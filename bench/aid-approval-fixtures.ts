// Credentials and signed card callbacks for the aid-approval benchmark.
import { buildEnvelope, buildSignedRequest } from "../src/double/index.ts";

export const AID_BENCH_LARK = {
  appId: "cli_bench_aid",
  appSecret: "bench-aid-secret",
  encryptKey: "bench-aid-encrypt-key",
  verificationToken: "bench-aid-verification-token",
};

/** The data key the bench's servers seal with (a key only benchmarks use), and the floor too. */
export const AID_BENCH_DATA_KEYS = process.env.DATA_KEYS ?? "bench1:YmVuY2gtZGF0YS1rZXktMzItYnl0ZXMtbG9uZy1vayE=";

let n = 0;

/** A card.action.trigger as Lark posts it: enveloped, encrypted and signed, with a fresh event id. */
export function signedClick(p: { openId: string; value: Record<string, unknown>; formValue?: Record<string, unknown>; messageId: string }): { body: string; headers: Record<string, string> } {
  const ctx = { appId: AID_BENCH_LARK.appId, tenantKey: "tenant_bench", verificationToken: AID_BENCH_LARK.verificationToken, now: Date.now };
  const env = buildEnvelope(
    ctx,
    "card.action.trigger",
    {
      operator: { open_id: p.openId, tenant_key: "tenant_bench" },
      token: `c-bench-${++n}`,
      action: { tag: "button", value: p.value, ...(p.formValue ? { form_value: p.formValue } : {}), timezone: "Asia/Shanghai" },
      host: "im_message",
      context: { open_message_id: p.messageId, open_chat_id: "oc_bench" },
    },
    `bench-aid-${process.pid}-${Date.now()}-${n}`,
  );
  return buildSignedRequest(env, { encryptKey: AID_BENCH_LARK.encryptKey });
}
