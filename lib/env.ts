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
  cached = parsed.data;
  return cached;
}

export function pgliteDir(): string {
  const e = env();
  return e.PGLITE_DIR ?? `${e.DATA_DIR.replace(/\/$/, "")}/pglite`;
}
