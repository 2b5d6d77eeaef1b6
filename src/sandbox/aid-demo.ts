// The demo branch's aid fund and hardship archive, so the aid flow can be tried at once: opening
// balances per source (as INCOME ledger lines, so the books add up) and an active hardship
// entry for every demo member marked `hardship`.
import { dayIn } from "../domain/zoned-time.ts";
import { defaultNextReview } from "../domain/hardship-rules.ts";
import type { Stores } from "../store/stores.ts";
import { DEMO_PEOPLE } from "./demo-branch.ts";

const OPENING = [
  { source: "LOCAL_FINANCE", amountFen: 2_000_000, payer: "磐东街道办事处", note: "年度帮扶资金拨付" },
  { source: "PARTY_FEE", amountFen: 500_000, payer: "磐东街道党工委", note: "党费补助" },
  { source: "DONATION", amountFen: 300_000, payer: "磐东爱心商户联合会", note: "春节慰问捐赠" },
] as const;

export async function seedAidDemo(store: Pick<Stores, "aidFund" | "aidHardship">, orgId: number, people: ReadonlyMap<string, number>, opts: { now?: Date; timezone?: string } = {}): Promise<void> {
  const now = opts.now ?? new Date();
  const secretary = DEMO_PEOPLE.find((p) => p.roles.includes("SECRETARY"));
  const by = secretary ? (people.get(secretary.name) ?? null) : null;
  for (const o of OPENING) await store.aidFund.recordIncome({ orgId, ...o, recordedById: by, at: now });
  const today = dayIn(now, opts.timezone ?? "Asia/Shanghai");
  for (const p of DEMO_PEOPLE.filter((x) => x.hardship)) {
    const personId = people.get(p.name);
    if (personId === undefined || by === null) continue;
    await store.aidHardship.openEntry({
      orgId,
      personId,
      causes: ["ILLNESS"],
      level: "SERIOUS",
      household: "本人患慢性病需长期服药，配偶务工收入不稳定，育有一子在读小学。",
      nextReviewOn: defaultNextReview(today, "SERIOUS"),
      openedFromRequestId: null,
      byId: by,
      at: now,
    });
  }
}
