// Lark's AppLink to a bot's private chat: the client opens (or starts) the chat with the app.
// Feishu (China) and Lark (international) tenants use different hosts; which one follows the
// configured open-platform domain (LARK_BASE_URL). The sandbox's double runs on localhost and
// stands for Feishu; its page opens the private chat itself when the link is clicked.

/** The AppLink that opens the private chat with the bot `appId`. */
export function botChatLink(lark: { appId: string; baseUrl: string }): string {
  const host = /larksuite\.com/i.test(lark.baseUrl) ? "applink.larksuite.com" : "applink.feishu.cn";
  return `https://${host}/client/bot/open?appId=${encodeURIComponent(lark.appId)}`;
}

