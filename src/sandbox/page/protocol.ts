// What the sandbox API answers, shared by the server (routes.ts) and the page (app.ts).

export interface PersonSummary {
  openId: string;
  name: string;
  /** False for a Lark user the roster does not know (the bot treats them as a stranger). */
  inRoster: boolean;
  roles: { role: string; zh: string; en: string }[];
  orgs: string[];
}

export interface ChatSummary {
  chatId: string;
  type: "p2p" | "group";
  name: string;
  members: number;
  botIsMember?: boolean;
}

/** One message in a chat, the bot's or a person's. */
export interface ChatMessage {
  id: string;
  chatId: string;
  chatType: "p2p" | "group";
  /** "bot" or the sender's open_id. */
  sender: string;
  senderName: string;
  msgType: string;
  content: unknown;
  createTime: number;
  updateTime: number;
  parentId?: string;
}

export interface ClickAnswer {
  status: number;
  error?: string;
  toast?: unknown;
  card?: unknown;
  cardUpdated: boolean;
  cardError?: string;
}

export interface FestivalJump {
  key: string;
  zh: string;
  en: string;
  date: string;
  jumpTo: string;
  daysBefore: number;
}

/** A text in both languages; the page shows the side of its card language. */
export interface Words {
  zh: string;
  en: string;
}

/** One run of a task from the page: when (sandbox time), and what it did in a sentence. */
export interface TaskRun {
  task: string;
  at: string;
  ok: boolean;
  /** "给 3 位领导发出提醒", or why it failed. */
  said: Words;
  /** The task's own result object (or the error), shown behind 详情. */
  detail: unknown;
}

export interface TaskInfo {
  task: string;
  name: Words;
  /** When it runs, in words ("每个工作日 9:00"). */
  when: Words;
  everyMs?: number;
  pattern?: string;
  lastRun?: TaskRun;
}
