import { z } from "zod";

/**
 * The environment, validated once. Every module reads configuration from here, never from process.env.
 * DATABASE_URL switches from the embedded PGlite database to PostgreSQL; MEILISEARCH_HOST switches search.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional(),
  /** Directory for the embedded database, generated secrets and stored files. */
  DATA_DIR: z.string().default("./data"),
  /** PGlite location; "memory://" gives a throw-away in-memory database (tests). */
  PGLITE_DIR: z.string().optional(),
  /** Content-addressed file store (publication attachments); default `${DATA_DIR}/files`. */
  FILES_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  MEILISEARCH_HOST: z.string().url().optional(),
  MEILISEARCH_API_KEY: z.string().optional(),
  /**
   * The one public origin of the portal (e.g. https://eiso.edu.kz) for every absolute link: certificate QR
   * codes and PDFs, feeds, sign-in redirects, sitemaps, canonical links, e-mails. Default http://localhost:PORT.
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "PUBLIC_URL must be an http:// or https:// origin, e.g. https://eiso.edu.kz" })
    .refine((v) => {
      const u = new URL(v);
      return (u.pathname === "/" || u.pathname === "") && !u.search && !u.hash && !u.username;
    }, "PUBLIC_URL must be an origin only (scheme, host and port), without a path, query or credentials")
    .transform((v) => new URL(v).origin)
    .optional(),
  /**
   * Whether X-Forwarded-For / -Proto / -Host are believed: "false" (default; the socket address counts),
   * "true" (one reverse proxy in front) or the number of proxies in front (the client is that many entries
   * from the right of X-Forwarded-For).
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9])$/, 'TRUST_PROXY must be "true", "false" or the number of proxies in front (0-9)')
    .default("false")
    .transform((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v))),
  /** A streaming replica for anonymous public reads; the primary (DATABASE_URL) serves everything else. */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URL must be a postgresql:// URL")
    .optional(),
  /** Bearer token for the Prometheus endpoint; without it the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /**
   * "off" turns the per-address limits of the public APIs off, for benchmarks that hammer them from one
   * address. Refused in production (see `publicLimitsOn`).
   */
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  /**
   * The SMTP server for outgoing mail (smtp://user:pass@host:587, smtps://…:465); without it mail is kept in the
   * database and readable at /admin/mail (the embedded demo).
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional(),
  /** The sender of every mail, e.g. "ЕИСО <noreply@eiso.edu.kz>". */
  MAIL_FROM: z.string().min(3).default("ЕИСО <noreply@localhost>"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  if (parsed.data.NODE_ENV === "production" && parsed.data.RATE_LIMITS === "off")
    throw new Error("Invalid environment:\n  RATE_LIMITS: cannot be turned off in production");
  cached = parsed.data;
  return cached;
}

export function pgliteDir(): string {
  const e = env();
  return e.PGLITE_DIR ?? `${e.DATA_DIR.replace(/\/$/, "")}/pglite`;
}

/** The public origin without a trailing slash: PUBLIC_URL, or http://localhost:PORT. */
export function publicOrigin(): string {
  const e = env();
  return e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
}

/** An absolute URL on the public origin for a path beginning with "/". */
export function publicUrl(path: string): string {
  return `${publicOrigin()}${path.startsWith("/") ? path : `/${path}`}`;
}

/**
 * next-auth builds its redirects from AUTH_URL when set, otherwise from the request's Host or X-Forwarded-Host
 * (which a client can choose). With PUBLIC_URL set, AUTH_URL defaults to its `/api/auth`, so sign-in and
 * sign-out redirects always lead to the public origin. Called before next-auth reads the environment.
 */
export function applyAuthUrl(): void {
  const e = env();
  if (e.PUBLIC_URL && !process.env.AUTH_URL && !process.env.NEXTAUTH_URL) process.env.AUTH_URL = publicUrl("/api/auth");
}
