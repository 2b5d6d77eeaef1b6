// The router: the one place that turns Lark events into handler calls. It owns the
// transaction, the role check, the turn of a UserError into a toast or reply, and the hand-off
// of staged messages to the delivery queue once the transaction has committed.
import { z } from "zod";
import type { Text } from "../../cards/kit.ts";
import { localise } from "../../cards/localise.ts";
import { welcomeCard } from "../../cards/welcome.ts";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Actor } from "../domain/roles.ts";
import { pick, type Lang } from "../domain/text.ts";
import type { CardResponse } from "../lark/card-response.ts";
import type { InboundCardAction, InboundEvent } from "../lark/events.ts";
import type { Logger } from "../log.ts";
import type { HandlerRun } from "../metrics.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { findActor } from "../store/actors.ts";
import { claimClick } from "../store/inbox.ts";
import { lockPendingEvent, markEventDone } from "../store/inbox-rows.ts";
import { markWelcomed } from "../store/people.ts";
import { underSavepoint } from "../store/savepoint.ts";
import type { AuditEntry } from "../store/audit.ts";
import { stageWrites, stageWritesAfter, type HotWrite, type NewOutgoing } from "../store/outbox.ts";
import { storesFor } from "../store/stores.ts";
import type { Tx } from "../store/tx.ts";
import { ATTACHMENTS_HANDLER, isAttachmentMessage } from "./aid/attachments.ts";
import type { ActionContext, ActionResult, AttachmentWork, BaseContext, CommandContext, Outgoing } from "./context.ts";
import { UserError, notAllowed } from "./errors.ts";
import { thanksText, unsureAnswer } from "./understand/answers.ts";
import { buildUnderstanding } from "./understand/understand.ts";
import { ACTIONS, COMMANDS } from "./registry.ts";
import { guidedText, privateChatAnswer, refusalOf } from "./refusal.ts";
import { mayRun } from "./visible-commands.ts";
import { strangerText, duplicateClickText, internalErrorText, badActionText, staleCommandText, answeredPrivatelyText } from "./texts.ts";

/** A click's hot-row write and the check told how many rows it changed (ActionContext.lastWrite). */
type LastWrite = { write: HotWrite; check: (changed: number) => Promise<void> };

export interface RouterDeps {
  prisma: PrismaClient;
  /** A transaction on a plain pg connection, for actions that declare plainSql (absent: Prisma's). */
  plainTransaction?: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  clock: Clock;
  config: Config;
  log: Logger;
  /** Hands committed outbox rows to the delivery queue. */
  deliver(outboxIds: number[]): Promise<void>;
  /** Hands committed attachment work (a download, a file to send) to its worker. */
  attachmentWork?(work: AttachmentWork[]): Promise<void>;
  /** Told how each event and card action went, and how long it took (metrics). */
  observe?(run: HandlerRun): void;
}

/** What a handler run was and how it ended, filled in as the router decides (for `observe`). */
interface Handled {
  name: string;
  outcome: string;
}


const understand = buildUnderstanding(COMMANDS);
const commandsByName = new Map(COMMANDS.map((c) => [c.name, c]));
const actionsById = new Map(ACTIONS.map((a) => [a.id, a]));
const actionValue = z.object({ a: z.string().min(1) }).loose();

// A signed callback whose value or form nests deeper than any card of ours (storable.ts).
const nestedTooDeepText: Text = {
  zh: "卡片数据嵌套层级过深，无法处理。请刷新卡片后重试。",
  en: "The card's data is nested too deeply to handle; refresh the card and try again.",
};

/** A toast in the clicker's language only: no i18n, so Lark shows it whatever the client's locale. */
function toastOf(type: "success" | "error" | "info" | "warning", text: Text, lang: Lang): CardResponse["toast"] {
  return { type, content: pick(text, lang) };
}

export class Router {
  constructor(private readonly deps: RouterDeps) {}

  /** Processes one inbox row exactly once: the row is locked and marked done in the same transaction as the handler's writes. */
  async processEvent(key: string): Promise<"done" | "skipped"> {
    const note: Handled = { name: "(none)", outcome: "skipped" };
    return this.observed("command", note, () => this.processRow(key, note));
  }

  /** Answers a card callback within Lark's 3 s: the write and the new card in one transaction. */
  async handleCardAction(ev: InboundCardAction): Promise<CardResponse> {
    const note: Handled = { name: "(unknown)", outcome: "ok" };
    return this.observed("action", note, () => this.cardAction(ev, note));
  }

  private async observed<T>(kind: HandlerRun["kind"], note: Handled, run: () => Promise<T>): Promise<T> {
    if (!this.deps.observe) return run();
    const started = performance.now();
    try {
      return await run();
    } catch (err) {
      note.outcome = "error";
      throw err;
    } finally {
      this.deps.observe({ kind, ...note, seconds: (performance.now() - started) / 1000 });
    }
  }

  private async processRow(key: string, note: Handled): Promise<"done" | "skipped"> {
    const log = this.deps.log.child({ evt: key });
    const staged: number[] = [];
    const work: AttachmentWork[] = [];
    const outcome = await this.deps.prisma.$transaction(async (tx) => {
      // The webhook stored the normalised event (src/lark/events.ts) as the row's payload.
      const payload = (await lockPendingEvent(tx, key)) as InboundEvent | null;
      if (!payload) return "skipped" as const;
      const w = newWrites();
      await this.dispatchEvent(tx, payload, w, log, note);
      staged.push(...(await stageWrites(tx, w)));
      work.push(...w.work);
      await markEventDone(tx, key, this.deps.clock.now());
      return "done" as const;
    });
    await this.deps.deliver(staged);
    await this.deps.attachmentWork?.(work);
    return outcome;
  }

  private async dispatchEvent(tx: Tx, ev: InboundEvent, w: Writes, log: Logger, note: Handled): Promise<void> {
    Object.assign(note, { name: "(group chatter)", outcome: "ignored" });
    if (ev.kind === "message" && ev.chatType === "group" && !ev.mentionsBot) return;
    let n = 0;
    // Answers are drawn in the sender's language (strangers read Chinese).
    let lang: Lang = "ZH";
    const answer = (msg: Outgoing) => {
      const key = `${ev.key}#${n++}`;
      if (ev.kind === "message") w.messages.push({ kind: "REPLY", messageId: ev.messageId, chatId: ev.chatId, key, ...render(msg, lang) });
      else w.messages.push({ kind: "SEND", to: { openId: ev.openId }, key, ...render(msg, lang) });
    };
    const actor = await findActor(tx, ev.openId);
    if (actor) lang = actor.language;
    if (!actor) {
      // A stranger gets one polite answer and nothing else is written about them.
      Object.assign(note, { name: "(stranger)", outcome: "stranger" });
      answer({ text: strangerText(this.deps.config.rosterContact) });
      return;
    }
    if (ev.kind === "p2p_entered") {
      Object.assign(note, { name: "(welcome)", outcome: "ok" });
      if (await markWelcomed(tx, actor.personId, this.deps.clock.now())) answer({ card: welcomeCard({ name: actor.name, orgNames: [...new Set(actor.grants.map((g) => g.orgName))] }) });
      return;
    }
    // Pictures, files, stickers and voice, and the outcome of an attachment's check, are not
    // command words: they have their own handler (src/bot/aid/attachments.ts).
    if (ev.kind === "attachment_checked" || isAttachmentMessage(ev)) {
      Object.assign(note, { name: ATTACHMENTS_HANDLER.name, outcome: "ok" });
      await ATTACHMENTS_HANDLER.run({ ...this.base(tx, actor, ev, w, log), inbound: ev, args: "", commands: COMMANDS, reply: answer });
      return;
    }
    // What they meant (src/bot/understand/): a command, or the suggestion card, never a bare "not understood".
    const heard = understand(ev.kind === "menu" ? ev.eventKey : ev.text);
    if (heard.kind !== "command") {
      Object.assign(note, { name: "(unknown)", outcome: heard.kind === "thanks" ? "thanks" : "unknown_command" });
      answer(heard.kind === "thanks" ? { text: thanksText } : unsureAnswer(actor, heard, COMMANDS, ev.kind === "message" && ev.chatType === "group"));
      return;
    }
    const { command, args } = heard;
    Object.assign(note, { name: command.name, outcome: "ok" });
    // A refusal says what the person can do instead (src/bot/refusal.ts); the role comes first,
    // so a group is never told to go private for a command that would be refused there too.
    if (!mayRun(actor, command)) {
      note.outcome = "not_allowed";
      answer(await refusalOf(storesFor(tx), actor, command, COMMANDS, ev.kind === "message" && ev.chatType === "group"));
      return;
    }
    if (command.privateOnly && ev.kind === "message" && ev.chatType === "group") {
      note.outcome = "private_only";
      answer(privateChatAnswer(this.deps.config, command));
      return;
    }
    // The command reads the words it was understood as ("我想切换成英文" → "english").
    const inbound = ev.kind === "message" ? { ...ev, text: heard.said } : ev;
    const ctx: CommandContext = { ...this.base(tx, actor, ev, w, log), inbound, args, commands: COMMANDS, reply: answer, ...(heard.greeting ? { greeted: true } : {}) };
    try {
      // Undo whatever a refused handler wrote, keep only the answer that says what to fix.
      await underSavepoint(tx, () => command.run(ctx));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      w.messages.length = 0;
      w.audits.length = 0;
      n = 0;
      note.outcome = "refused";
      log.info({ code: err.code, cmd: command.name }, "command refused");
      answer({ text: await guidedText(err, ctx.store, actor, COMMANDS, command) });
    }
  }

  private async cardAction(ev: InboundCardAction, note: Handled): Promise<CardResponse> {
    const log = this.deps.log.child({ evt: ev.key });
    if (ev.refusal) {
      note.outcome = "refused_input";
      log.warn({ refusal: ev.refusal }, "card action refused before handling");
      return { toast: toastOf("error", nestedTooDeepText, "ZH") };
    }
    const head = actionValue.safeParse(ev.value);
    const def = head.success ? actionsById.get(head.data.a) : undefined;
    if (!def) {
      note.outcome = "unknown_action";
      log.warn({ value: ev.value }, "card action with an unknown id");
      return { toast: toastOf("error", badActionText, "ZH") };
    }
    note.name = def.id;
    const staged: number[] = [];
    const work: AttachmentWork[] = [];
    // The toast and the returned card are drawn in the clicker's language (strangers read Chinese).
    let lang: Lang = "ZH";
    const plain = def.plainSql ? this.deps.plainTransaction : undefined;
    const inTransaction = <T,>(fn: (tx: Tx) => Promise<T>): Promise<T> => (plain ? plain(fn) : this.deps.prisma.$transaction(fn));
    try {
      const result = await inTransaction(async (tx) => {
        // An action that says so (an anonymous suggestion) is stored with its key only: nothing of who or what.
        const payload = def.redact?.(ev.value, ev.formValue) ? { kind: ev.kind, key: ev.key, redacted: true } : ev;
        const { fresh, actor } = await claimClick(tx, { key: ev.key, openId: ev.openId, payload, at: this.deps.clock.now() });
        if (actor) lang = actor.language;
        if (!fresh) {
          note.outcome = "duplicate";
          return { toast: { type: "info", text: duplicateClickText } } satisfies ActionResult;
        }
        if (!actor) throw new UserError("stranger", strangerText(this.deps.config.rosterContact));
        const value = def.value.safeParse(ev.value);
        const form = def.form ? def.form.safeParse(ev.formValue ?? {}) : { success: true as const, data: undefined };
        if (!value.success) throw new UserError("bad_value", badActionText);
        if (!form.success) throw new UserError("bad_form", formProblem(form.error));
        const w = newWrites();
        const lastSteps: ((tx: Tx) => Promise<void>)[] = [];
        let hot: LastWrite | null = null;
        const ctx: ActionContext = {
          ...this.base(tx, actor, ev, w, log),
          inbound: ev,
          last: (step) => void lastSteps.push(step),
          lastWrite: (write, check) => {
            if (hot) throw new Error(`${def.id}: one lastWrite per click`);
            hot = { write, check };
          },
          runCommand: (name, args, where) => this.clickedCommand(tx, actor, ev, w, log, { name, args, ...where }),
        };
        // A role refusal from the handler says, in words, what the clicker can do instead.
        const r = await def.run(ctx, { value: value.data, form: form.data }).catch(async (e: unknown) => Promise.reject(e instanceof UserError ? new UserError(e.code, await guidedText(e, ctx.store, actor, COMMANDS)) : e));
        work.push(...w.work);
        // Audit lines and messages in one statement, then the hot rows. The audit INSERT locks the
        // organisation's chain head until the commit (docs/privacy.md), so clicks of one branch
        // queue there first; a separate audit statement after the fund's row measured slower
        // (one more round trip per click while the fund's row is held).
        // A hot row's write (ctx.lastWrite) goes first in that same statement, so the row is held
        // for that statement and the commit, with no round trip of ours in between.
        // With no step after it, that statement also commits on a plain-pg transaction, so
        // PostgreSQL releases the hot rows without waiting for this process (stageWritesAfter).
        // Assigned in a closure, which TypeScript's narrowing does not follow.
        const last = hot as LastWrite | null;
        if (last) {
          const { ids, changed } = await stageWritesAfter(tx, last.write, w, { commit: lastSteps.length === 0 });
          staged.push(...ids);
          if (changed === 0) {
            await last.check(0);
            throw new Error(`${def.id}: its lastWrite changed nothing and its check did not refuse the click`);
          }
        } else staged.push(...(await stageWrites(tx, w)));
        for (const step of lastSteps) await step(tx);
        return r;
      });
      await this.deps.deliver(staged);
      await this.deps.attachmentWork?.(work);
      const drawnIn = result.lang ?? lang;
      return {
        ...(result.toast ? { toast: toastOf(result.toast.type, result.toast.text, drawnIn) } : {}),
        ...(result.card ? { card: { type: "raw" as const, data: localise(result.card, "interactive", drawnIn) as object } } : {}),
      };
    } catch (err) {
      if (err instanceof UserError) {
        note.outcome = "refused";
        log.info({ code: err.code, action: def.id }, "card action refused");
        return { toast: toastOf("error", err.text, lang) };
      }
      note.outcome = "error";
      log.error({ err, action: def.id }, "card action failed");
      return { toast: toastOf("error", internalErrorText, lang) };
    }
  }

  /**
   * A command run from a button (cmd.run), as if the clicker had typed its word: the same role
   * check, savepoint and UserError answer. Its answer goes to the card's chat, or to the private
   * chat when the command shows personal details (the card may sit in a group). A name no
   * command has (a stale card, a forged value) is refused with a toast.
   */
  private async clickedCommand(tx: Tx, actor: Actor, ev: InboundCardAction, w: Writes, log: Logger, click: { name: string; args: string; group: boolean }): Promise<ActionResult> {
    const command = commandsByName.get(click.name);
    if (!command) throw new UserError("stale_command", staleCommandText);
    if (!mayRun(actor, command)) throw notAllowed(command.instead?.commands);
    const privately = command.privateOnly === true || !ev.chatId;
    const said = click.args ? `${command.name} ${click.args}` : command.name;
    const inbound: InboundEvent = privately
      ? { kind: "menu", key: ev.key, eventId: ev.eventId, openId: ev.openId, eventKey: said }
      : { kind: "message", key: ev.key, eventId: ev.eventId, messageId: ev.messageId ?? "", chatId: ev.chatId!, chatType: click.group ? "group" : "p2p", openId: ev.openId, text: said, mentionsBot: true };
    const to = privately ? { openId: actor.openId } : { chatId: ev.chatId! };
    let n = 0;
    const reply = (msg: Outgoing) => void w.messages.push({ kind: "SEND", to, key: `${ev.key}#${n++}`, ...render(msg, actor.language) });
    const ctx: CommandContext = { ...this.base(tx, actor, ev, w, log), inbound, args: click.args, commands: COMMANDS, reply };
    const before = { messages: w.messages.length, audits: w.audits.length, work: w.work.length };
    try {
      await underSavepoint(tx, () => command.run(ctx));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      w.messages.length = before.messages;
      w.audits.length = before.audits;
      w.work.length = before.work;
      log.info({ code: err.code, cmd: command.name }, "command refused");
      reply({ text: await guidedText(err, ctx.store, actor, COMMANDS, command) });
    }
    return privately && click.group ? { toast: { type: "info", text: answeredPrivatelyText } } : {};
  }

  private base(tx: Tx, actor: Actor, ev: InboundEvent | InboundCardAction, w: Writes, log: Logger): BaseContext {
    const { clock, config } = this.deps;
    const chatId = "chatId" in ev ? ev.chatId : undefined;
    return {
      actor,
      store: storesFor(tx),
      tx,
      clock,
      config,
      log,
      // To anyone: drawn at delivery in the recipient's language (or as msg.lang says).
      send: (to, msg, key) => void w.messages.push({ kind: "SEND", to, key, ...render(msg) }),
      patch: (messageId, card, key) => void w.messages.push({ kind: "PATCH", messageId, chatId, card, key }),
      queueAttachmentWork: (job) => void w.work.push(job),
      audit: async (entry) => void w.audits.push({ ...entry, actorId: actor.personId, actorOpenId: actor.openId, eventKey: ev.key }),
    };
  }
}

/**
 * What a handler stages: messages, and audit lines, both written in one statement just before
 * the commit (same transaction, so a refused or failed handler leaves neither).
 */
interface Writes {
  messages: NewOutgoing[];
  audits: AuditEntry[];
  /** Attachment work, queued only after the commit (the rows it reads must be there). */
  work: AttachmentWork[];
}

const newWrites = (): Writes => ({ messages: [], audits: [], work: [] });

/** Both sides staged; the delivery draws one (cards/localise.ts), in `msg.lang ?? lang` when either is known. */
function render(msg: Outgoing, lang?: Lang): { card?: object; text?: Text; file?: { exportFileId: number }; lang?: Lang } {
  const drawnIn = msg.lang ?? lang;
  const what = msg.card ? { card: msg.card } : msg.file ? { file: msg.file } : { text: msg.text ?? { zh: "", en: "" } };
  return { ...what, ...(drawnIn ? { lang: drawnIn } : {}) };
}

/**
 * Every problem zod found in a form at once, in the form's own words (schemas carry Chinese
 * messages): one problem is said as it is; several are joined, the fields left empty ("请填写X" /
 * "请选择X") listed together: "请填写以下内容：困难类别；情况说明（至少 10 个字）".
 */
function formProblem(error: z.ZodError): Text {
  const chinese = (m: string) => /[\u4e00-\u9fa5]/.test(m);
  const paths = [...new Set(error.issues.map((i) => i.path.join(".")))].filter((p) => p !== "");
  const en = `Please check the form: ${paths.join(", ")}`.trim();
  const said = [...new Set(error.issues.map((i) => (chinese(i.message) ? i.message : `表单填写有误：${i.path.join(".")}`)))];
  if (said.length === 1) return { zh: said[0]!, en };
  const missing: string[] = [];
  const other: string[] = [];
  for (const m of said) {
    const bare = m.replace(/[。.]$/, "");
    const field = /^请(?:填写|选择)(.+)$/.exec(bare)?.[1];
    if (field) missing.push(field);
    else other.push(bare);
  }
  const parts = [...(missing.length > 0 ? [`请填写以下内容：${missing.join("；")}`] : []), ...other];
  return { zh: `${parts.join("。")}。`, en };
}
