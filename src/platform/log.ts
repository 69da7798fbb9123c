import pino, { type DestinationStream, type Logger } from "pino";

// Structured JSON logs, one line an event, with the request id on every line of a request.
// Personal data never goes in: no emails, names, bodies or query strings, and secret-looking path
// segments (manage links, reset tokens, application links, badge keys) are replaced.

export type { Logger };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function createLogger(level: LogLevel = "info", destination?: DestinationStream): Logger {
  return pino({ level, base: { service: "numaish" }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** A path fit for a log line: long token-like segments (20+ url-safe characters that are not a
 *  uuid) become ":secret". */
export function loggablePath(path: string): string {
  return path
    .split("/")
    .map((s) => (s.length >= 20 && /^[\w-]+$/.test(s) && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s) ? ":secret" : s))
    .join("/");
}
