import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { FUND_ROLES, parseDisclosureYear } from "../../../domain/aid-rules.ts";
import { localYear } from "../../../domain/zoned-time.ts";
import { hasRole } from "../../../domain/roles.ts";
import { must, notAllowed } from "../../errors.ts";
import { discloseValue } from "../forms.ts";
import { postDisclosure } from "../fund-view.ts";
import { defineAction } from "../../context.ts";

/** The 收支公开 button on the fund card. */
export const fundDiscloseAction = defineAction({
  id: AID_ACTION.fundDisclose,
  value: discloseValue,
  async run(ctx, { value }) {
    if (!hasRole(ctx.actor, FUND_ROLES, value.o)) throw notAllowed();
    const year = must(parseDisclosureYear(String(value.y), localYear(ctx.clock.now(), ctx.config.timezone)));
    const { orgName } = await postDisclosure(ctx, value.o, year);
    return { toast: { type: "success", text: { zh: `已在「${orgName}」支部群发布 ${year} 年收支公开。`, en: `Posted the ${year} summary to the ${orgName} group.` } } };
  },
});
