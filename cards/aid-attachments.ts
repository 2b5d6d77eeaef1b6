// What members attached to an aid request (pictures of bills, PDFs), as the deciders' approval
// card shows it: each picture drawn from the copy the bot uploaded for cards, each PDF by name and
// size with a button that sends it to the decider privately. Health data: the card says who sees it.
import { button, md, note, t, type Element, type Text } from "./kit.ts";

/** The action a decider clicks to get a PDF as a file message (src/bot/aid/actions/aid-attachment-file.ts). */
export const ATTACHMENT_FILE_ACTION = "aid-attachment-file";

export interface AttachmentView {
  id: number;
  kind: "IMAGE" | "FILE";
  fileName: string | null;
  sizeBytes: number | null;
  /** The picture as uploaded for cards; null when it could not be uploaded (then named only). */
  cardImageKey: string | null;
  /** When it was sent, "YYYY-MM-DD HH:mm". */
  at: string;
}

/** "356 KB", "1.2 MB". */
export function sizeText(bytes: number | null): string {
  if (bytes === null) return "";
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const pictureAlt = (a: AttachmentView): Text => ({ zh: `申请人发送的图片（${a.at}）`, en: `Picture sent by the member (${a.at})` });

export function attachmentElements(list: readonly AttachmentView[]): Element[] {
  if (list.length === 0) return [];
  const images = list.filter((a) => a.kind === "IMAGE");
  const files = list.filter((a) => a.kind === "FILE");
  const parts: string[] = [];
  if (images.length) parts.push(`图片 ${images.length} 张`);
  if (files.length) parts.push(`PDF ${files.length} 份`);
  const partsEn: string[] = [];
  if (images.length) partsEn.push(`${images.length} picture(s)`);
  if (files.length) partsEn.push(`${files.length} PDF(s)`);
  const out: Element[] = [md({ zh: `**申请人附件**（${parts.join("，")}）`, en: `**Attachments from the member** (${partsEn.join(", ")})` })];
  for (const a of images) {
    if (a.cardImageKey) {
      const alt = pictureAlt(a);
      out.push({
        tag: "img",
        img_key: a.cardImageKey,
        alt: { tag: "plain_text", content: alt.zh, i18n_content: { zh_cn: alt.zh, en_us: alt.en } },
        scale_type: "fit_horizontal",
        preview: true,
      });
    } else {
      out.push(md({ zh: `🖼 图片（${a.at}，暂无法预览）`, en: `🖼 Picture (${a.at}, no preview)` }));
    }
  }
  for (const a of files) {
    const name = a.fileName ?? "文件.pdf";
    out.push(md({ zh: `📄 ${name} · ${sizeText(a.sizeBytes)} · ${a.at}`, en: `📄 ${name} · ${sizeText(a.sizeBytes)} · ${a.at}` }));
    out.push(button({ text: t(`获取「${name}」`, `Get "${name}"`), action: ATTACHMENT_FILE_ACTION, value: { t: a.id } }));
  }
  out.push(note(t("附件含个人健康等隐私信息，仅申请人和审批人可见；获取文件会被记录。", "Attachments may hold health data: only the member and the deciders see them; every file fetched is logged.")));
  return out;
}

/** 我的: what a request has attached, in one line ("附件：图片 2 张，PDF 1 份"); null when nothing. */
export function attachmentCountLine(c: { images: number; files: number } | undefined): Text | null {
  if (!c || c.images + c.files === 0) return null;
  const zh = [c.images ? `图片 ${c.images} 张` : "", c.files ? `PDF ${c.files} 份` : ""].filter(Boolean).join("，");
  const en = [c.images ? `${c.images} picture(s)` : "", c.files ? `${c.files} PDF(s)` : ""].filter(Boolean).join(", ");
  return { zh: `附件：${zh}`, en: `Attachments: ${en}` };
}
