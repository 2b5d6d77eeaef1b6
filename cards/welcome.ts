import { card, md, note, t, type Card } from "./kit.ts";

export function welcomeCard(data: { name: string; orgNames: string[] }): Card {
  return card({
    title: t("欢迎使用同心", "Welcome to Tongxin"),
    template: "red",
    elements: [
      md({
        zh: `${data.name}同志，您好！我是${data.orgNames.join("、") || "党支部"}的党员服务助手「同心」。\n从思想、工作、生活上关心每一位党员：谈心谈话提醒、困难帮扶申请、走访慰问安排，都可以在这里办理。`,
        en: `Hello ${data.name}. I am Tongxin, the member-care assistant of ${data.orgNames.join(", ") || "your branch"}: talk reminders, help requests and visits, all in this chat.`,
      }),
      note(t("发送「帮助」查看您可以使用的功能。", "Send “help” to see what you can do.")),
    ],
  });
}
