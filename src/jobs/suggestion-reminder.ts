// 意见建议 left open: after five working days (the database calendar) the branch's secretaries
// get the item again, with its answer form, once (Suggestion.remindedAt, stamped in the
// transaction that stages the cards, under keys per item and secretary), so a second run sends
// nothing. On working days, in the branch's daytime. An anonymous item is drawn with no name.
import { suggestionForSecretaryCard } from "../../cards/suggestion.ts";
import { dateWords } from "../domain/date-words.ts";
import { requestLabel } from "../domain/request-label.ts";
import { suggestionReminderDue, workingDaysOpen } from "../domain/suggestion.ts";
import { dayIn } from "../domain/zoned-time.ts";
import type { NewOutgoing } from "../store/outbox.ts";
import { suggestionKeys } from "../store/suggestions.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

export interface SuggestionReminderResult {
  today: string;
  skipped?: "rest-day" | "night";
  open: number;
  reminded: number;
  /** Secretaries the reminders went to. */
  staged: number;
}

export async function runSuggestionReminders(d: TaskDeps): Promise<SuggestionReminderResult> {
  const now = d.clock.now();
  const tz = d.config.timezone;
  const w = await pushWindowOf(d);
  const none = { today: w.today, open: 0, reminded: 0, staged: 0 };
  if (!w.workingDay) return { ...none, skipped: "rest-day" };
  const daytime = new Set(awake(await d.store.branchRules.loadBranchRules(), w, ["BRANCH", "GENERAL_BRANCH", "COMMITTEE"]).map((b) => b.orgId));
  if (daytime.size === 0) return { ...none, skipped: "night" };

  const { ids, result } = await d.inTransaction(async (store) => {
    const open = (await store.suggestions.openUnreminded()).filter((s) => daytime.has(s.orgId));
    const due = open.filter((s) => suggestionReminderDue(w.calendar, dayIn(s.createdAt, tz), w.today, false));
    const stamped = await store.suggestions.markReminded(
      due.map((s) => s.id),
      now,
    );
    const out: NewOutgoing[] = [];
    for (const item of due) {
      if (!stamped.has(item.id)) continue;
      const s = await store.suggestions.findSuggestion(item.id);
      if (!s) continue;
      const names = await store.people.personNames([s.authorId]);
      const card = suggestionForSecretaryCard(
        {
          id: s.id,
          number: requestLabel(s),
          kind: s.kind,
          branch: item.orgName,
          body: s.body,
          author: s.authorId === null ? null : (names.get(s.authorId) ?? "?"),
          filed: dateWords(dayIn(s.createdAt, tz)),
          answer: null,
        },
        { reminder: { waited: workingDaysOpen(w.calendar, dayIn(s.createdAt, tz), w.today) } },
      );
      const to = (await store.orgContacts.secretariesOf([s.orgId])).filter((c) => c.openId !== null && (s.authorId === null || c.personId !== s.authorId));
      for (const c of to) out.push({ kind: "SEND", to: { openId: c.openId! }, key: suggestionKeys.reminder(s.id, c.personId), card });
    }
    return { ids: await store.outbox.stageOutgoing(out), result: { today: w.today, open: open.length, reminded: stamped.size, staged: out.length } };
  });
  await d.enqueue.delivery(ids);
  return result;
}
