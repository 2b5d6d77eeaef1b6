// What a visitor usually brings, by occasion: the example in the visit form's 慰问品 field. A
// placeholder that says 月饼 on a 春节 visit reads as a form nobody thought about; one that fits
// the season shows what the branch customarily gives (and what to write down).
import { EVENT_KINDS, type EventKind } from "./visit-events.ts";
import type { Text } from "./text.ts";

const BY_FESTIVAL: Record<string, Text> = {
  SPRING_FESTIVAL: { zh: "米面油、春联", en: "rice, flour and oil; spring couplets" },
  JULY_FIRST: { zh: "慰问金、学习资料", en: "money; study materials" },
  MID_AUTUMN: { zh: "月饼、水果", en: "mooncakes; fruit" },
  DOUBLE_NINTH: { zh: "老年用品、重阳糕", en: "things for the elderly; Double Ninth cake" },
  ARMY_DAY: { zh: "慰问金、纪念品", en: "money; a keepsake" },
};

/** A branch's own festival is known by its Chinese name (its code is the branch's choice). */
const BY_NAME: readonly [RegExp, Text][] = [
  [/端午/, { zh: "粽子、咸鸭蛋", en: "zongzi; salted duck eggs" }],
  [/元宵/, { zh: "汤圆", en: "tangyuan" }],
  [/春节|过年|新春/, BY_FESTIVAL.SPRING_FESTIVAL!],
  [/中秋/, BY_FESTIVAL.MID_AUTUMN!],
  [/重阳|敬老/, BY_FESTIVAL.DOUBLE_NINTH!],
  [/国庆/, { zh: "慰问金、水果", en: "money; fruit" }],
  [/建党|七一/, BY_FESTIVAL.JULY_FIRST!],
  [/冬至/, { zh: "饺子、汤圆", en: "dumplings; tangyuan" }],
];

const BY_EVENT: Record<EventKind, Text> = {
  ILLNESS: { zh: "营养品、水果", en: "nutrition supplements; fruit" },
  BEREAVEMENT: { zh: "慰问金、花篮", en: "money; a flower basket" },
  CONDOLENCE: { zh: "慰问金、花圈", en: "money; a wreath" },
  DISASTER: { zh: "米面油、棉被", en: "rice, flour and oil; quilts" },
  HARDSHIP: { zh: "米面油、生活用品", en: "rice, flour and oil; daily necessities" },
  FAMILY_CHANGE: { zh: "生活用品", en: "daily necessities" },
  THOUGHT: { zh: "学习资料", en: "study materials" },
  DISPUTE: { zh: "水果", en: "fruit" },
  OTHER: { zh: "米面油、水果", en: "rice, flour and oil; fruit" },
};

const FALLBACK: Text = { zh: "米面油、水果", en: "rice, flour and oil; fruit" };

/**
 * The goods to suggest for a visit: by festival code (built-in), by the festival's Chinese name
 * (a branch's own festival), or by the event of a 六必访 visit.
 */
export function giftExamples(occasion: { festival: string | null; festivalName?: string | null; eventKind: string | null }): Text {
  if (occasion.festival) {
    const builtin = BY_FESTIVAL[occasion.festival];
    if (builtin) return builtin;
    const named = BY_NAME.find(([re]) => re.test(occasion.festivalName ?? ""));
    return named ? named[1] : FALLBACK;
  }
  const kind = (EVENT_KINDS as readonly string[]).includes(occasion.eventKind ?? "") ? (occasion.eventKind as EventKind) : "OTHER";
  return BY_EVENT[kind];
}
