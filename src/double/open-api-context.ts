// What the Open Platform endpoints share: the app's identity and the double's state (users,
// chats, messages, tokens, quotas, injected faults, granted scopes), its clock, and where a
// message the bot sent is announced. Built once by index.ts; every route module reads it.
import type { Faults } from "./faults.ts";
import type { Quotas } from "./quotas.ts";
import type { AppSettings } from "./scopes.ts";
import type { DoubleStore } from "./store.ts";
import type { TenantTokens } from "./tokens.ts";
import type { SendEvent } from "./types.ts";

export interface OpenApiContext {
  appId: string;
  appSecret: string;
  botOpenId: string;
  botName: string;
  tenantKey: string;
  store: DoubleStore;
  tokens: TenantTokens;
  quotas: Quotas;
  faults: Faults;
  /** Granted scopes and the bot's activate_status: set through configureApp / POST /_double/app. */
  app: AppSettings;
  now: () => number;
  emit: (e: SendEvent) => void;
}
