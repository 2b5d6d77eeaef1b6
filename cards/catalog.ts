// Every card the bot can send, with sample data. The sandbox renders each of them in a test
// and fails if any element is unknown to its renderer, so a new card is added here too.
import type { Card } from "./kit.ts";
import { helpCard } from "./help.ts";
import { welcomeCard } from "./welcome.ts";
import { whoamiCard } from "./whoami.ts";
import { languageCard } from "./language.ts";
import { AID_CARDS } from "./aid-catalog.ts";
import { VISIT_CARDS } from "./visit-catalog.ts";
import { TALK_CARDS } from "./talk-catalog.ts";
import { WORK_CARDS } from "./work-catalog.ts";
import { ROSTER_CARDS } from "./roster-catalog.ts";
import { CALENDAR_CARDS } from "./calendar-catalog.ts";

export const CARD_CATALOG: Record<string, () => Card> = {
  help: () =>
    helpCard({
      name: "张三",
      roles: [{ zh: "党员", en: "member" }],
      entries: [{ name: "帮助", aliases: ["help"], summary: { zh: "查看您可以使用的功能", en: "see what you can do" } }],
    }),
  welcome: () => welcomeCard({ name: "张三", orgNames: ["磐东居委第一党支部"] }),
  whoami: () => whoamiCard({ name: "张三", grants: [{ orgName: "磐东居委第一党支部", role: { zh: "党员", en: "member" } }] }),
  language: () => languageCard({ current: "ZH" }),
  "language-en": () => languageCard({ current: "EN" }),
  ...AID_CARDS,
  ...VISIT_CARDS,
  ...TALK_CARDS,
  ...WORK_CARDS,
  ...ROSTER_CARDS,
  ...CALENDAR_CARDS,
};
