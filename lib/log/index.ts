/**
 * The one structured logger: JSON lines on standard output (pino), one per event, with the request id when
 * there is one. No personal data goes into a log: request lines carry the path without its query (searches
 * for a name or an IIN stay out) with any 12-digit number masked, never headers, cookies or bodies; and
 * whatever a caller passes under a personal field name (password, iin, name, cookie, authorization, …) is
 * replaced by "[redacted]". LOG_LEVEL (default "info"; "silent" in tests) sets the level.
 * No "server-only": the start script and the Next.js server share one logger through globalThis.
 */
import pino, { type Logger } from "pino";

/** Field names that never reach a log with their value, at the top level or one or two levels down. */
const PERSONAL = [
  "password",
  "newPassword",
  "passwordHash",
  "iin",
  "childIin",
  "firstName",
  "lastName",
  "middleName",
  "fullName",
  "displayName",
  "birthDate",
  "phone",
  "email",
  "address",
  "cookie",
  "authorization",
  "token",
  "secret",
];

export const REDACT_PATHS = [
  ...PERSONAL,
  ...PERSONAL.map((f) => `*.${f}`),
  ...PERSONAL.map((f) => `*.*.${f}`),
  'headers["set-cookie"]',
  'req.headers["set-cookie"]',
];

/** A logger writing to `destination` (standard output by default) with personal fields redacted. */
export function createLogger(destination?: pino.DestinationStream, level?: string): Logger {
  const options: pino.LoggerOptions = {
    level: level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { service: "eiso" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    formatters: { level: (label) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

const holder = globalThis as unknown as { __eisoLogger?: Logger };

/** This process's logger. */
export function logger(): Logger {
  holder.__eisoLogger ??= createLogger();
  return holder.__eisoLogger;
}

/** The path of a URL for a log line: no query or fragment, 12-digit runs (IIN, BIN) masked. */
export function loggablePath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? "/";
  return path.replace(/\d{12}/g, "[number]").slice(0, 300);
}

/** A request id from a trusted proxy's X-Request-Id when it is a plain token, otherwise a new one. */
export function requestId(header: string | string[] | undefined, fresh: () => string): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._-]{8,80}$/.test(value) ? value : fresh();
}
