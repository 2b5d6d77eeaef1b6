// Lark's answer to a card callback (webhook body or long-connection response frame), within 3 s:
// an optional toast and an optional new card. A transport type: the router builds it, the
// transports send it.
export interface CardResponse {
  /** Drawn in the clicker's language, so `content` only (no i18n: the stored choice wins over the client's locale). */
  toast?: { type: string; content: string; i18n?: { zh_cn?: string; en_us?: string } };
  card?: { type: "raw"; data: object };
}
