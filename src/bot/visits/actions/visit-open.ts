import { visitAlreadyDoneCard } from "../../../../cards/visit-complete.ts";
import { VISIT_ACTION } from "../../../../cards/visit-text.ts";
import { taskWhat } from "../../../domain/visit-labels.ts";
import { defineAction } from "../../context.ts";
import { taskRef } from "../forms.ts";
import { taskForActor } from "../access.ts";
import { settingsCache } from "../settings.ts";
import { visitForm } from "../views.ts";

/** 记录走访: replaces the clicked card with the visit form (the visitor, or the branch secretary). */
export const visitOpen = defineAction({
  id: VISIT_ACTION.open,
  value: taskRef,
  async run(ctx, { value }) {
    const task = await taskForActor(ctx, value.task);
    if (task.status !== "OPEN") {
      const s = await settingsCache(ctx)(task.orgId);
      return { toast: { type: "info", text: { zh: "该走访已记录。", en: "This visit is already recorded." } }, card: visitAlreadyDoneCard({ memberName: task.memberName, what: taskWhat(task, s), visitedOn: task.visitedOn }) };
    }
    return { card: await visitForm(ctx, task) };
  },
});
