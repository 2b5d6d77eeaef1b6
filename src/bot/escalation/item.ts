// The item behind an escalation, loaded by its kind and id: its branch and member (to check who
// may raise it, and whose records a view is about) and what the committee's card shows of it.
// Only an escalation row the reader may see (store.escalations.escalationFor) leads here for the
// committee; a suggestion's author is never read.
import type { EscalatedItem } from "../../../cards/escalation.ts";
import type { EscalationSubject } from "../../domain/escalation.ts";
import { localDateTime } from "../../domain/zoned-time.ts";
import type { BaseContext } from "../context.ts";

export interface LoadedItem {
  subjectType: EscalationSubject;
  subjectId: number;
  orgId: number;
  /** The member it is about; null for a suggestion. */
  personId: number | null;
  number: string | null;
  view: EscalatedItem;
}

export async function loadItem(ctx: BaseContext, subjectType: EscalationSubject, id: number): Promise<LoadedItem | null> {
  const { store } = ctx;
  const tz = ctx.config.timezone;
  const at = (d: Date) => localDateTime(d, tz);
  const base = { subjectType, subjectId: id };
  switch (subjectType) {
    case "HardshipEntry": {
      const e = await store.aidHardship.findEntry(id);
      if (!e) return null;
      const lines = await store.aidHardship.history(e.id);
      const names = await store.people.personNames([e.personId, ...lines.map((h) => h.actorId)]);
      const memberName = names.get(e.personId) ?? "?";
      return {
        ...base,
        orgId: e.orgId,
        personId: e.personId,
        number: null,
        view: {
          kind: "HardshipEntry",
          memberName,
          status: e.status,
          level: e.level,
          causes: e.causes,
          household: e.household,
          nextReviewOn: e.nextReviewOn,
          resolvedReason: e.resolvedReason,
          history: lines.map((h) => ({ at: at(h.at), actor: h.actorId === null ? null : (names.get(h.actorId) ?? null), action: h.action })),
        },
      };
    }
    case "AidRequest": {
      const r = await store.aidRequests.findRequest(id);
      if (!r) return null;
      const names = await store.people.personNames([r.personId, r.decidedById]);
      return {
        ...base,
        orgId: r.orgId,
        personId: r.personId,
        number: r.number,
        view: {
          kind: "AidRequest",
          number: r.number,
          memberName: names.get(r.personId) ?? "?",
          category: r.category,
          description: r.description,
          requestedFen: r.requestedFen,
          status: r.status,
          filedAt: at(r.createdAt),
          decision: r.decidedAt ? { amountFen: r.approvedFen, note: r.decisionNote, by: r.decidedById === null ? null : (names.get(r.decidedById) ?? null), at: at(r.decidedAt) } : null,
        },
      };
    }
    case "TrainingApplication": {
      const a = await store.training.findTraining(id);
      if (!a) return null;
      return {
        ...base,
        orgId: a.orgId,
        personId: a.personId,
        number: a.number,
        view: {
          kind: "TrainingApplication",
          number: a.number,
          memberName: (await store.people.personName(a.personId)) ?? "?",
          course: a.course,
          provider: a.provider,
          startOn: a.startOn,
          endOn: a.endOn,
          requestedFen: a.requestedFen,
          reason: a.reason,
          status: a.status,
          decisionNote: a.decisionNote,
        },
      };
    }
    case "Suggestion": {
      const s = await store.escalations.suggestionForDesk(id);
      if (!s) return null;
      return {
        ...base,
        orgId: s.orgId,
        personId: null,
        number: s.number,
        view: { kind: "Suggestion", number: s.number, suggestionKind: s.kind, body: s.body, status: s.status, answer: s.answer, createdOn: at(s.createdAt).slice(0, 10) },
      };
    }
  }
}
