// Tenant access tokens. Like Lark, a token lives 2 h and the endpoint hands back the current
// one until it has less than 30 min left, then mints a new one (both stay valid meanwhile).
import { newTenantToken } from "./ids.ts";

const LIFETIME_MS = 7200_000;
const RENEW_BELOW_MS = 30 * 60_000;

export class TenantTokens {
  private expiresAt = new Map<string, number>();
  private latest: string | undefined;

  constructor(private now: () => number) {}

  issue(): { token: string; expire: number } {
    const now = this.now();
    const current = this.latest && this.expiresAt.get(this.latest);
    if (this.latest && current && current - now > RENEW_BELOW_MS) {
      return { token: this.latest, expire: Math.floor((current - now) / 1000) };
    }
    const token = newTenantToken();
    this.expiresAt.set(token, now + LIFETIME_MS);
    this.latest = token;
    return { token, expire: LIFETIME_MS / 1000 };
  }

  isValid(token: string): boolean {
    const at = this.expiresAt.get(token);
    return at !== undefined && at > this.now();
  }

  /** Every issued token becomes invalid; the next token request mints a new one. */
  expireAll(): void {
    this.expiresAt.clear();
    this.latest = undefined;
  }
}
