// The optional history columns (issue 13, "history on day one"): the last talk and its leader,
// an existing pairing, an entry in the hardship archive. With them a branch's first day in the
// bot starts from what it already knows, so talk due dates and reviews are right at once.
// These columns only add history: an empty cell imports nothing and clears nothing.
import type { HardshipCause, HardshipLevel } from "../generated/prisma/enums.ts";
import { parseDate, parsePersonRef, type PersonRef } from "./cells.ts";
import { cell, limited, names, ok, optional } from "./cell-schema.ts";
import { PERSON_COLUMNS } from "./columns.ts";
import { CAUSE_HINT, causeByName, LEVEL_HINT, levelByName } from "./vocab.ts";

export interface HistoryCells {
  /** 上次谈心日期: imported as a talk held that day (no notes); its leader is 谈心人, else 联系领导. */
  readonly lastTalkOn: string | null | undefined;
  readonly talkLeader: PersonRef | null | undefined;
  /** 结对人 / 结对部门: a pairing active from the import day. */
  readonly pairHelper: PersonRef | null | undefined;
  readonly pairDepartment: string | null | undefined;
  /** 困难类别, 困难等级, 家庭情况: an entry in the hardship archive, all three or none. */
  readonly hardshipCauses: readonly HardshipCause[] | null | undefined;
  readonly hardshipLevel: HardshipLevel | null | undefined;
  readonly household: string | null | undefined;
}

/** The zod fields of the history columns, spread into the person row's schema. */
export function historyFields(today: string) {
  const C = PERSON_COLUMNS;
  return {
    lastTalkOn: cell(optional((_t, c) => parseDate(c, C.lastTalkOn, today))),
    talkLeader: cell(optional(parsePersonRef)),
    pairHelper: cell(optional(parsePersonRef)),
    pairDepartment: cell(optional(limited(C.pairDepartment, 100))),
    hardshipCauses: cell(optional(names(C.hardshipCauses, causeByName, CAUSE_HINT))),
    hardshipLevel: cell(
      optional((text) => {
        const level = levelByName.get(text.replace(/\s/g, ""));
        return level ? ok(level) : { ok: false as const, message: `${C.hardshipLevel}“${text}”无法识别，可填：${LEVEL_HINT}` };
      }),
    ),
    household: cell(optional(limited(C.household, 500))),
  };
}

const given = (v: unknown): boolean => v !== null && v !== undefined;

/**
 * What is wrong across the history cells of one row, in words for the secretary. Fields that
 * failed their own parse hold no usable value (the typeof guards), and are told by their parser.
 */
export function historyIssues(row: {
  birthDate?: unknown;
  joinedPartyOn?: unknown;
  leader?: unknown;
  lastTalkOn?: unknown;
  talkLeader?: unknown;
  hardshipCauses?: unknown;
  hardshipLevel?: unknown;
  household?: unknown;
}): string[] {
  const C = PERSON_COLUMNS;
  const out: string[] = [];
  const talkOn = typeof row.lastTalkOn === "string" ? row.lastTalkOn : undefined;
  if (given(row.talkLeader) && !given(row.lastTalkOn)) out.push(`填写了${C.talkLeader}，请同时填写${C.lastTalkOn}`);
  if (talkOn !== undefined && !given(row.talkLeader) && !given(row.leader)) {
    out.push(`填写了${C.lastTalkOn}，请同时填写${C.talkLeader}（或${C.leader}）`);
  }
  if (talkOn !== undefined && typeof row.joinedPartyOn === "string" && talkOn < row.joinedPartyOn) {
    out.push(`${C.lastTalkOn}“${talkOn}”早于${C.joinedPartyOn}“${row.joinedPartyOn}”，请核对`);
  } else if (talkOn !== undefined && typeof row.birthDate === "string" && talkOn < row.birthDate) {
    out.push(`${C.lastTalkOn}“${talkOn}”早于${C.birthDate}“${row.birthDate}”，请核对`);
  }
  const hardship = [
    [C.hardshipCauses, row.hardshipCauses],
    [C.hardshipLevel, row.hardshipLevel],
    [C.household, row.household],
  ] as const;
  const missing = hardship.filter(([, v]) => !given(v)).map(([label]) => label);
  if (missing.length > 0 && missing.length < hardship.length) {
    out.push(`困难档案须同时填写${C.hardshipCauses}、${C.hardshipLevel}和${C.household}（缺：${missing.join("、")}）`);
  }
  return out;
}
