// Every card the bot can send, with sample data. The sandbox renders each of them in a test
// and fails if any element is unknown to its renderer, so a new card is added here too.
import type { Card } from "./kit.ts";
import { helpCard } from "./help.ts";
import { welcomeCard } from "./welcome.ts";
import { whoamiCard } from "./whoami.ts";
import { languageCard } from "./language.ts";
import { privateChatCard } from "./private-chat.ts";
import { refusalCard } from "./refusal.ts";
import { suggestCard } from "./suggest.ts";
import { AID_CARDS } from "./aid-catalog.ts";
import { VISIT_CARDS } from "./visit-catalog.ts";
import { TALK_CARDS } from "./talk-catalog.ts";
import { WORK_CARDS } from "./work-catalog.ts";
import { ROSTER_CARDS } from "./roster-catalog.ts";
import { CALENDAR_CARDS } from "./calendar-catalog.ts";
import { AUDIT_CARDS } from "./audit-catalog.ts";
import { ORG_PAIRING_CARDS } from "./org-pairing-catalog.ts";
import { SUGGESTION_CARDS } from "./suggestion-catalog.ts";
import { YEAR_REPORT_CARDS } from "./year-report-catalog.ts";
import { COMMITTEE_CARDS } from "./committee-catalog.ts";
import { ESCALATION_CARDS } from "./escalation-catalog.ts";

export const CARD_CATALOG: Record<string, () => Card> = {
  help: () =>
    helpCard({
      name: "张三",
      roles: [{ zh: "党员", en: "member" }],
      sections: [
        {
          title: { zh: "求助与申请", en: "Help and applications" },
          lines: [
            { name: "求助", english: "help me", use: { zh: "遇到困难，申请帮扶", en: "ask for help" } },
            { name: "我的", english: "my requests", use: { zh: "我的申请和进度", en: "your requests and where they stand" } },
          ],
        },
        { title: { zh: "谈心谈话", en: "Talks" }, lines: [{ name: "我的谈心", english: "my talks", use: { zh: "与我的谈心记录", en: "your talks" } }] },
      ],
      quick: ["求助", "我的", "我的谈心"],
    }),
  "help-group": () =>
    helpCard({
      name: "王建国",
      roles: [{ zh: "支部书记", en: "secretary" }],
      sections: [{ title: { zh: "表彰、培训与就业", en: "Commendations, training, jobs" }, lines: [{ name: "表彰记录", english: "commendations", use: { zh: "本支部的表彰", en: "the branch's commendations" } }] }],
      quick: [],
      group: { privateOnly: 30 },
    }),
  welcome: () => welcomeCard({ name: "张三", orgNames: ["磐东居委第一党支部"] }),
  whoami: () => whoamiCard({ name: "张三", grants: [{ orgName: "磐东居委第一党支部", role: { zh: "党员", en: "member" } }] }),
  language: () => languageCard({ current: "ZH" }),
  "language-en": () => languageCard({ current: "EN" }),
  suggest: () =>
    suggestCard({
      heard: "asdf",
      why: "unknown",
      offers: [
        { name: "求助", use: { zh: "遇到困难，申请帮扶", en: "ask for help" }, privateOnly: true },
        { name: "我的", use: { zh: "我的申请和进度", en: "your requests and where they stand" }, privateOnly: true },
        { name: "帮助", use: { zh: "查看您可以使用的功能", en: "see what you can do" } },
      ],
    }),
  "suggest-typo": () => suggestCard({ heard: "谈新 张三", why: "typo", offers: [{ name: "谈心", args: "张三", use: { zh: "我联系的党员，记录谈话", en: "your members; record a talk" }, privateOnly: true }] }),
  "suggest-trouble": () =>
    suggestCard({ heard: "我生病住院了", why: "trouble", group: true, offers: [{ name: "求助", use: { zh: "遇到困难，申请帮扶", en: "ask for help" }, privateOnly: true }, { name: "走访上报", use: { zh: "上报需走访的党员", en: "report a member to visit" } }] }),
  refusal: () =>
    refusalCard({
      command: "谈心",
      allowed: { zh: "党员领导干部、支部书记", en: "leader or secretary" },
      instead: [{ name: "我的谈心", use: { zh: "查看与您的谈心谈话记录（时间、谈话人）", en: "see your talks (when and with whom)" } }],
      ask: null,
    }),
  "refusal-ask": () => refusalCard({ command: "转出", allowed: { zh: "支部书记", en: "secretary" }, instead: [], ask: { role: { zh: "支部书记", en: "secretary" }, names: ["王建国"] }, group: true }),
  "private-chat": () => privateChatCard({ command: "我的", url: "https://applink.feishu.cn/client/bot/open?appId=cli_5a4db0c5a4db0c00" }),
  ...AID_CARDS,
  ...VISIT_CARDS,
  ...TALK_CARDS,
  ...WORK_CARDS,
  ...ROSTER_CARDS,
  ...CALENDAR_CARDS,
  ...AUDIT_CARDS,
  ...ORG_PAIRING_CARDS,
  ...SUGGESTION_CARDS,
  ...YEAR_REPORT_CARDS,
  ...COMMITTEE_CARDS,
  ...ESCALATION_CARDS,
};
