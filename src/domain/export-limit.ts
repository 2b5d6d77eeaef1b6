// How often a person may have a file of their data made and sent: once an hour. A spreadsheet of
// everything is costly to build inside a chat's transaction and each one is a copy of sensitive
// records in the chat; asking again a minute later is nearly always a double tap, and the file
// from a moment ago is right above in the chat.
export const EXPORT_INTERVAL_MS = 3600_000;

/** When the next export may be made, or null when one may be made now. */
export function nextExportAt(last: Date | null, now: Date): Date | null {
  if (!last) return null;
  const next = new Date(last.getTime() + EXPORT_INTERVAL_MS);
  return next > now ? next : null;
}

/** How long a made file's bytes are kept: the file is in the chat by then. */
export const EXPORT_KEEP_MS = 7 * 24 * 3600_000;
