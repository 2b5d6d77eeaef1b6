// The aid flow's refusals, in the words the user sees.
import { UserError } from "../errors.ts";

export const unknownRequest = (number?: string) =>
  new UserError(
    "unknown_request",
    number
      ? { zh: `找不到编号为「${number}」的帮扶申请，请核对编号（例如 2026-0001）。`, en: `There is no request numbered "${number}"; check the number (e.g. 2026-0001).` }
      : { zh: "找不到该帮扶申请，请刷新卡片后重试。", en: "That request does not exist; refresh the card and try again." },
  );

export const ownRequest = () =>
  new UserError("own_request", { zh: "不能审批自己的帮扶申请，请由本支部其他书记或受托审批人处理。", en: "You cannot decide your own request; another secretary or delegate must." });

export const unknownPerson = () => new UserError("unknown_person", { zh: "找不到该党员，请刷新卡片后重试。", en: "That member does not exist; refresh the card and try again." });

export const unknownEntry = () => new UserError("unknown_entry", { zh: "找不到该档案，请刷新后重试。", en: "That entry does not exist; refresh and try again." });
