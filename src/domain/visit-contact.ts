// Keeping in touch: pairing helpers and the leaders of mobile members (流动党员) log a contact
// at least monthly; a mobile member with none for n months is "lost contact" (失联).
import { addMonths, dayOfMonth, monthOf } from "./calendar-day.ts";

/** Whether this month's contact reminder is due: nothing logged this month and the reminder day reached. */
export function contactReminderDue(lastContact: string | null, today: string, reminderDay: number): boolean {
  if (dayOfMonth(today) < reminderDay) return false;
  return lastContact === null || monthOf(lastContact) !== monthOf(today);
}

/**
 * A mobile member is lost contact when the last logged contact (or, with none ever, the day
 * they were put on the roster as mobile) lies `months` or more before today.
 */
export function isLostContact(lastContact: string | null, since: string, today: string, months: number): boolean {
  return addMonths(lastContact ?? since, months) <= today;
}

export const CONTACT_HOW = ["HOME", "PHONE", "VIDEO", "MESSAGE"] as const;
export type ContactHow = (typeof CONTACT_HOW)[number];
export const CONTACT_HOW_LABEL: Record<ContactHow, { zh: string; en: string }> = {
  HOME: { zh: "上门", en: "in person" },
  PHONE: { zh: "电话", en: "phone" },
  VIDEO: { zh: "视频", en: "video" },
  MESSAGE: { zh: "微信/短信", en: "message" },
};

export const VISIT_HOW = ["HOME", "PHONE", "VIDEO"] as const;
