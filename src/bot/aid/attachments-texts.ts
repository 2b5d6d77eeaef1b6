// What members are told about the pictures and files they send.
import type { Text } from "../../domain/text.ts";
import type { MessageKind } from "../../lark/events.ts";

export const groupPictureText: Text = {
  zh: "图片和文件可能含有个人隐私（如病历、票据），请不要发在群里。需要补充材料时，请在与「同心」的私聊中发送，会附到您的求助申请。",
  en: "Pictures and files may hold private details (bills, medical records): please do not post them in the group. Send them to 同心 in the private chat and they are attached to your request.",
};

export const noOpenRequestText: Text = {
  zh: "您目前没有待审批的帮扶申请，这张图片/文件没有保存。如需帮扶，请先发送「求助」填写申请；提交后再把图片（如医疗票据）或 PDF 发给我，会附到申请中供审批人查看。",
  en: "You have no request waiting for a decision, so this was not kept. To ask for help, send 求助 and fill in the form first; then send the picture (a bill, say) or PDF and it is attached for the deciders.",
};

const KIND_WORD: Partial<Record<MessageKind, Text>> = {
  audio: { zh: "语音", en: "voice messages" },
  sticker: { zh: "表情", en: "stickers" },
  media: { zh: "视频", en: "videos" },
};

/** Stickers, voice, video and anything else the bot cannot read. */
export function unreadableKindText(kind: MessageKind): Text {
  const word = KIND_WORD[kind] ?? { zh: "这类消息", en: "this kind of message" };
  return {
    zh: `暂时无法识别${word.zh}，请用文字发送，例如「求助」「我的」或「帮助」。申请帮扶时的票据可以拍照或用 PDF 发送。`,
    en: `I cannot read ${word.en} yet; please write, e.g. 求助 (ask for help), 我的 (my requests) or 帮助 (help). Bills for a request can be sent as a photo or a PDF.`,
  };
}

export function keptText(number: string, kind: "IMAGE" | "FILE", fileName: string | null, answered: boolean): Text {
  const what = kind === "IMAGE" ? { zh: "图片", en: "the picture" } : { zh: `文件「${fileName ?? "PDF"}」`, en: `the file "${fileName ?? "PDF"}"` };
  return answered
    ? { zh: `已将${what.zh}附到您的求助 ${number}，作为补充说明转交审批人。`, en: `Attached ${what.en} to your request ${number} as your answer; it is back with the deciders.` }
    : { zh: `已将${what.zh}附到您的求助 ${number}。`, en: `Attached ${what.en} to your request ${number}.` };
}

/** The timeline note of a kept attachment. */
export function attachedNote(kind: "IMAGE" | "FILE", fileName: string | null): string {
  return kind === "IMAGE" ? "发送了图片" : `发送了文件「${fileName ?? "PDF"}」`;
}

export const fileOnItsWayText: Text = { zh: "文件稍后将私聊发送给您。", en: "The file is on its way to you in a private message." };
export const attachmentGoneText: Text = { zh: "该附件不存在或未保存。", en: "There is no such attachment, or it was not kept." };
