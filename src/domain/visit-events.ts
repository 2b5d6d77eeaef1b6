// Visits between festivals: the "六必访" cases a leader reports with 走访上报. The kind is read
// from the words of the report, so a leader types what happened, not a code.
// CONDOLENCE is never read from a report's words: a secretary's 去世 record opens it (慰问家属).
export const EVENT_KINDS = ["ILLNESS", "BEREAVEMENT", "DISASTER", "HARDSHIP", "FAMILY_CHANGE", "THOUGHT", "DISPUTE", "CONDOLENCE", "OTHER"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** 慰问家属: the one visit about a member who died, chased although they no longer count as a member. */
export const CONDOLENCE_VISIT: EventKind = "CONDOLENCE";

export const EVENT_LABEL: Record<EventKind, { zh: string; en: string }> = {
  ILLNESS: { zh: "生病住院", en: "illness or hospitalisation" },
  BEREAVEMENT: { zh: "亲人去世", en: "bereavement" },
  DISASTER: { zh: "遭受灾害", en: "disaster" },
  HARDSHIP: { zh: "生活困难", en: "family hardship" },
  FAMILY_CHANGE: { zh: "家庭变故", en: "major family change" },
  THOUGHT: { zh: "思想波动", en: "troubled state of mind" },
  DISPUTE: { zh: "矛盾纠纷", en: "dispute" },
  CONDOLENCE: { zh: "党员去世·慰问家属", en: "condolence visit to the family" },
  OTHER: { zh: "其他", en: "other" },
};

// Order matters: "因病去世" is a bereavement, not an illness.
const KEYWORDS: [EventKind, RegExp][] = [
  ["BEREAVEMENT", /去世|逝世|病故|过世|丧|离世|亡故|身故/],
  ["DISASTER", /灾|火|水淹|洪|台风|地震|塌|暴雨|冰冻|泥石流/],
  ["ILLNESS", /病|住院|手术|医院|受伤|骨折|癌|瘤|ICU|化疗|透析|残疾/i],
  ["HARDSHIP", /困难|失业|下岗|低保|拮据|欠债|无收入|生活无着/],
  ["FAMILY_CHANGE", /变故|离婚|车祸|入狱|失踪/],
  ["THOUGHT", /思想|情绪|波动|心理|抑郁/],
  ["DISPUTE", /纠纷|矛盾|争执|上访/],
];

export function classifyEvent(reason: string): EventKind {
  for (const [kind, re] of KEYWORDS) if (re.test(reason)) return kind;
  return "OTHER";
}
