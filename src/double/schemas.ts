// Input schemas for the double's operations. The typed methods and the /_double HTTP routes
// parse with the same schemas, so a bad call fails the same way from a test or a terminal.
import { z } from "zod";

const openId = z.string().min(1);

export const userInput = z.object({
  open_id: z.string().startsWith("ou_").optional(),
  union_id: z.string().min(1).optional(),
  user_id: z.string().min(1).optional(),
  name: z.string().min(1),
  mobile: z.string().min(1).optional(),
  email: z.string().min(1).optional(),
  resigned: z.boolean().optional(),
});
export type UserInput = z.input<typeof userInput>;

export const chatInput = z.object({
  chat_id: z.string().startsWith("oc_").optional(),
  name: z.string().min(1),
  members: z.array(openId),
  bot_is_member: z.boolean().optional(),
});
export type ChatInput = z.input<typeof chatInput>;

export const sayInput = z.object({
  from: openId,
  text: z.string(),
  chatId: z.string().min(1).optional(),
  chatType: z.enum(["p2p", "group"]).optional(),
  mentionBot: z.boolean().optional(),
  messageId: z.string().min(1).optional(),
});
export type SayInput = z.input<typeof sayInput>;

export const openP2pInput = z.object({ from: openId });
export type OpenP2pInput = z.input<typeof openP2pInput>;

export const menuInput = z.object({ from: openId, eventKey: z.string().min(1) });
export type MenuInput = z.input<typeof menuInput>;

export const clickInput = z.object({
  from: openId,
  messageId: z.string().min(1),
  value: z.record(z.string(), z.unknown()).optional(),
  formValue: z.record(z.string(), z.unknown()).optional(),
  name: z.string().optional(),
  tag: z.string().optional(),
  option: z.string().optional(),
  inputValue: z.string().optional(),
});
export type ClickInput = z.input<typeof clickInput>;

export const faultInput = z.object({
  match: z
    .object({
      method: z.string().transform((m) => m.toUpperCase()).optional(),
      pathPrefix: z.string().startsWith("/").optional(),
    })
    .optional(),
  kind: z.enum(["429", "5xx", "slow", "hang", "expire-token", "230020"]),
  count: z.number().int().positive().optional(),
  delayMs: z.number().int().nonnegative().optional(),
  resetSeconds: z.number().int().positive().optional(),
  status: z.number().int().min(500).max(599).optional(),
});
export type FaultInput = z.input<typeof faultInput>;
export type FaultSpec = z.output<typeof faultInput>;

export const messagesQuery = z.object({
  to: z.string().min(1).optional(),
  since: z.coerce.number().nonnegative().optional(),
});
export type MessagesQuery = z.input<typeof messagesQuery>;

export const botUrlsInput = z.object({ events: z.url(), cards: z.url().optional() });
export type BotUrlsInput = z.input<typeof botUrlsInput>;

// The app as the tenant configured it. botActivated is shorthand for Lark's activate_status
// (true: 2 启用; false: 0 初始化, a bot never enabled); botActivateStatus sets any of 0-5.
export const appInput = z
  .object({
    scopes: z.array(z.string().regex(/^[a-z_]+(:[\w.]+)+$/, "a Lark scope such as im:message")).optional(),
    botActivated: z.boolean().optional(),
    botActivateStatus: z.number().int().min(0).max(5).optional(),
    appSecret: z.string().min(1).optional(),
  })
  .strict()
  .refine((a) => a.botActivated === undefined || a.botActivateStatus === undefined, "give botActivated or botActivateStatus, not both");
export type AppInput = z.input<typeof appInput>;

export const redeliverInput = z.object({ eventId: z.string().min(1) });
export const verifyUrlInput = z.object({ target: z.enum(["events", "cards"]).optional() });

/** Thrown by the double's operations on bad input; the control API turns it into HTTP. */
export class DoubleError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "DoubleError";
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new DoubleError(400, z.prettifyError(r.error));
  return r.data;
}
