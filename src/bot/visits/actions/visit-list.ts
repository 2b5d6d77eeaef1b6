import { VISIT_ACTION } from "../../../../cards/visit-text.ts";
import { defineAction } from "../../context.ts";
import { noValue } from "../forms.ts";
import { visitList } from "../views.ts";

/** 返回我的走访: the clicked card becomes the reader's current visit list. */
export const visitListAction = defineAction({
  id: VISIT_ACTION.list,
  value: noValue,
  async run(ctx) {
    return { card: await visitList(ctx) };
  },
});
