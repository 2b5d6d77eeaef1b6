// Structured logs (pino). Secrets never reach a log line: the redaction list names every
// place a credential can appear, and child loggers carry the event id (`evt`) of the work.
import { pino, type Logger } from "pino";

export type { Logger };

export const REDACT_PATHS = [
  "appSecret",
  "encryptKey",
  "verificationToken",
  "tenant_access_token",
  "token",
  "authorization",
  "*.appSecret",
  "*.encryptKey",
  "*.verificationToken",
  "*.token",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "config.lark.appSecret",
  "config.lark.encryptKey",
  "config.lark.verificationToken",
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "tongxin" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
