// The double's whole in-memory state: the tenant's directory (users, group chats) and what
// happened (messages the bot sent, messages users said, uuids seen, deliveries made).
// reset() forgets what happened and keeps the directory.
import { newChatId, newOpenId, newUnionId, newUserId, p2pChatId } from "./ids.ts";
import { ResourceStore } from "./resource-store.ts";
import type { ChatInput, UserInput } from "./schemas.ts";
import { DoubleError } from "./schemas.ts";
import type { DoubleChat, DoubleUser, InboundMessage, SentMessage, StoredMessage } from "./types.ts";

const UUID_TTL_MS = 3600_000;

export interface Delivery {
  event_id: string;
  target: "events" | "cards";
  envelope: unknown;
}

export class DoubleStore {
  readonly users = new Map<string, DoubleUser>();
  readonly chats = new Map<string, DoubleChat>();
  readonly messages = new Map<string, StoredMessage>();
  readonly inbound = new Map<string, InboundMessage>();
  readonly deliveries = new Map<string, Delivery>();
  /** Images and files: the app's uploads and what people sent in messages (resources.ts). */
  readonly resources = new ResourceStore();
  private uuids = new Map<string, { message_id: string; at: number }>();

  /** Adds a user, or updates the one with the same open_id. */
  addUser(input: UserInput): DoubleUser {
    const open_id = input.open_id ?? newOpenId();
    const prev = this.users.get(open_id);
    const user: DoubleUser = {
      open_id,
      union_id: input.union_id ?? prev?.union_id ?? newUnionId(),
      user_id: input.user_id ?? prev?.user_id ?? newUserId(),
      name: input.name,
      resigned: input.resigned ?? false,
      ...(input.mobile !== undefined ? { mobile: input.mobile } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
    };
    this.users.set(open_id, user);
    return user;
  }

  addChat(input: ChatInput): DoubleChat {
    for (const m of input.members) this.requireUser(m);
    const chat: DoubleChat = {
      chat_id: input.chat_id ?? newChatId(),
      name: input.name,
      chat_type: "group",
      members: [...input.members],
      bot_is_member: input.bot_is_member ?? true,
    };
    if (chat.chat_id.startsWith("oc_p2p_")) throw new DoubleError(400, "oc_p2p_ ids are reserved for p2p chats");
    this.chats.set(chat.chat_id, chat);
    return chat;
  }

  requireUser(openId: string): DoubleUser {
    const user = this.users.get(openId);
    if (!user) throw new DoubleError(404, `unknown user ${openId}: add it first (addUser / POST /_double/users)`);
    return user;
  }

  findUser(idType: string, id: string): DoubleUser | undefined {
    if (idType === "open_id") return this.users.get(id);
    for (const u of this.users.values()) {
      if (idType === "user_id" && u.user_id === id) return u;
      if (idType === "union_id" && u.union_id === id) return u;
      if (idType === "email" && u.email?.toLowerCase() === id.toLowerCase()) return u;
    }
    return undefined;
  }

  /** Group chats by id; p2p chats exist implicitly for every user. */
  findChat(chatId: string): DoubleChat | undefined {
    const group = this.chats.get(chatId);
    if (group) return group;
    if (!chatId.startsWith("oc_p2p_")) return undefined;
    const user = this.users.get(chatId.slice("oc_p2p_".length));
    return user ? this.p2pChat(user.open_id) : undefined;
  }

  p2pChat(openId: string): DoubleChat {
    return { chat_id: p2pChatId(openId), name: "", chat_type: "p2p", members: [openId], bot_is_member: true };
  }

  /** The message an earlier send with this uuid created, within Lark's one-hour window. */
  uuidHit(uuid: string, now: number): StoredMessage | undefined {
    const hit = this.uuids.get(uuid);
    if (!hit || now - hit.at >= UUID_TTL_MS) return undefined;
    return this.messages.get(hit.message_id);
  }

  saveMessage(msg: StoredMessage): void {
    this.messages.set(msg.message_id, msg);
    if (msg.uuid) this.uuids.set(msg.uuid, { message_id: msg.message_id, at: msg.create_time });
  }

  sentMessages(filter: { to?: string; since?: number } = {}): SentMessage[] {
    return [...this.messages.values()]
      .filter((m) => !filter.to || [m.receive_id, m.chat_id, m.recipient_open_id].includes(filter.to))
      .filter((m) => filter.since === undefined || m.create_time >= filter.since)
      .map(viewOf);
  }

  /** Forget what happened; keep users and chats. */
  reset(): void {
    this.messages.clear();
    this.inbound.clear();
    this.deliveries.clear();
    this.uuids.clear();
    this.resources.clear();
  }
}

export function viewOf(m: StoredMessage): SentMessage {
  return {
    message_id: m.message_id,
    chat_id: m.chat_id,
    chat_type: m.chat_type,
    receive_id: m.receive_id,
    receive_id_type: m.receive_id_type,
    msg_type: m.msg_type,
    content: parseJson(m.content),
    ...(m.uuid !== undefined ? { uuid: m.uuid } : {}),
    ...(m.parent_id !== undefined ? { parent_id: m.parent_id } : {}),
    ...(m.recipient_open_id !== undefined ? { recipient_open_id: m.recipient_open_id } : {}),
    patches: m.history.length - 1,
    history: m.history.map((h) => ({ ...h })),
    create_time: m.create_time,
    update_time: m.update_time,
  };
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
