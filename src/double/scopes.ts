// The app as the tenant configured it: which scopes were granted and published, and whether the
// bot ability is on. Lark's gateway refuses a call whose scopes are all missing with HTTP 400,
// code 99991672, before the API reads its arguments; an IM API called while the bot is not
// enabled answers its own "bot ability" code. The double answers both the same way, in the
// same order (token, then scope, then bot ability, then the API), so `npm run lark:check` and
// the bot's error handling can be tested against it.
import type { RequestHandler } from "express";
import { ALL_SCOPES } from "../lark/scopes.ts";
import { larkErrors, type LarkApiError } from "./lark-errors.ts";

/** Lark's bot.activate_status (GET /open-apis/bot/v3/info): only 2 means the bot works. */
export const BOT_ENABLED = 2;

export interface AppSettingsView {
  scopes: string[];
  botActivateStatus: number;
}

export class AppSettings {
  scopes: Set<string>;
  botActivateStatus: number;

  /** By default the app has every scope the bot asks for and its bot ability is on. */
  constructor(opts: { scopes?: readonly string[] | undefined; botActivateStatus?: number | undefined } = {}) {
    this.scopes = new Set(opts.scopes ?? ALL_SCOPES);
    this.botActivateStatus = opts.botActivateStatus ?? BOT_ENABLED;
  }

  view(): AppSettingsView {
    return { scopes: [...this.scopes].sort(), botActivateStatus: this.botActivateStatus };
  }
}

interface ApiRule {
  method: string;
  path: RegExp;
  /** Any one of these is enough, as Lark's docs put it ("开启任一权限即可"); empty: none needed. */
  scopes: readonly string[];
  /** The code the API answers when the bot ability is off; undefined: it does not need the bot. */
  botOff?: () => LarkApiError;
}

// Scope lists from each API's page in Lark's docs (权限要求). Reply and PATCH take the send
// list; their pages were not at hand, so that is an assumption.
const SEND = ["im:message", "im:message:send_as_bot"];
const READ = ["im:message", "im:message:readonly", "im:message.history:readonly"];

// Bot-ability codes from the same pages' error tables: 230006 for messages, 232025 for chats,
// 234007 for images. Which activate_status values trigger them is not documented; the double
// assumes every status but 2 (enabled) does.
const RULES: readonly ApiRule[] = [
  { method: "POST", path: /^\/im\/v1\/messages$/, scopes: SEND, botOff: larkErrors.botNotActivated },
  { method: "POST", path: /^\/im\/v1\/messages\/[^/]+\/reply$/, scopes: SEND, botOff: larkErrors.botNotActivated },
  { method: "PATCH", path: /^\/im\/v1\/messages\/[^/]+$/, scopes: SEND, botOff: larkErrors.botNotActivated },
  { method: "GET", path: /^\/im\/v1\/messages(\/[^/]+)?$/, scopes: READ, botOff: larkErrors.botNotActivated },
  { method: "GET", path: /^\/im\/v1\/chats$/, scopes: ["im:chat", "im:chat:readonly"], botOff: larkErrors.chatBotNotActivated },
  { method: "POST", path: /^\/im\/v1\/images$/, scopes: ["im:resource", "im:resource:upload"], botOff: larkErrors.resourceBotNotActivated },
  { method: "GET", path: /^\/im\/v1\/images\/[^/]+$/, scopes: [], botOff: larkErrors.resourceBotNotActivated },
  { method: "POST", path: /^\/im\/v1\/files$/, scopes: ["im:resource", "im:resource:upload"], botOff: larkErrors.resourceBotNotActivated },
  // 获取消息中的资源文件: the message read scopes; the bot ability, as for images (234007).
  { method: "GET", path: /^\/im\/v1\/messages\/[^/]+\/resources\/[^/]+$/, scopes: READ, botOff: larkErrors.resourceBotNotActivated },
  { method: "POST", path: /^\/contact\/v3\/users\/batch_get_id$/, scopes: ["contact:user.id:readonly"] },
];

/** Mounted after the token check: the gateway's scope check, then the API's bot-ability check. */
export function appGate(appId: string, app: AppSettings): RequestHandler {
  return (req, _res, next) => {
    const rule = RULES.find((r) => r.method === req.method && r.path.test(req.path));
    if (!rule) return next();
    if (rule.scopes.length > 0 && !rule.scopes.some((s) => app.scopes.has(s))) throw larkErrors.missingScope(appId, rule.scopes);
    if (rule.botOff && app.botActivateStatus !== BOT_ENABLED) throw rule.botOff();
    next();
  };
}
