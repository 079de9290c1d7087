/**
 * The database that the Prisma CLI (`prisma.config.ts`) talks to. Prisma 6 with the JS engine reaches
 * databases only through a driver adapter, and `migrate diff --from-migrations` replays the migrations on a
 * shadow database obtained from it:
 *
 * - SHADOW_DATABASE_URL set: PostgreSQL through `@prisma/adapter-pg`; each diff creates a temporary database
 *   on that server and drops it afterwards (the user needs CREATEDB; the named database is left alone);
 * - otherwise an in-memory PGlite with `pg_trgm`, so the CLI works offline with no server at all.
 *
 * The PGlite adapter as published runs raw commands as prepared statements (one statement each) and gives
 * its shadow database no extensions; both are put right here.
 */
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

type Adapter = Awaited<ReturnType<PrismaPGlite["connect"]>>;

const newPglite = () => new PGlite("memory://", { extensions: { pg_trgm } });

/** Raw commands without parameters (migration scripts) go through the simple protocol: many statements. */
function scriptCapable(adapter: Adapter, client: PGlite): Adapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    await client.exec(query.sql);
    return 0;
  };
  adapter.executeScript = async (script) => {
    await client.exec(script);
  };
  return adapter;
}

class PGliteForCli extends PrismaPGlite {
  private readonly main: PGlite;

  constructor() {
    const main = newPglite();
    super(main);
    this.main = main;
  }

  override async connect() {
    return scriptCapable(await super.connect(), this.main);
  }

  override async connectToShadowDb() {
    const shadow = newPglite();
    return scriptCapable(await new PrismaPGlite(shadow).connect(), shadow);
  }
}

/**
 * `@prisma/adapter-pg` opens its temporary shadow database by overriding `database` in the pool config, which a
 * `connectionString` would override again: so the URL is given to it as separate fields.
 */
function postgresConfig(url: string) {
  const u = new URL(url);
  const sslmode = u.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    ...(sslmode && sslmode !== "disable" ? { ssl: { rejectUnauthorized: sslmode === "verify-full" } } : {}),
  };
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
interface Io {
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[]; rows: object }>;
}
/** Catalogue types that `@prisma/adapter-pg` refuses → the type it reads them as: `name` → text. */
const AS_TEXT = new Map([
  [19, 25],
  [1003, 1009],
]);
/** `"char"` (pg_constraint.contype…): read as text, then reported as ColumnTypeEnum.Character (6). */
const CHAR = 18;
const CHARACTER = 6;

/**
 * The schema engine's catalogue queries return `name` and `"char"` columns, which `@prisma/adapter-pg` refuses
 * ("Column type 'name' could not be deserialized"); they are given the types the PGlite adapter gives them.
 */
function catalogueTypes(adapter: PgAdapter): PgAdapter {
  const io = adapter as unknown as Io;
  const performIO = io.performIO.bind(io);
  const charColumns = new WeakMap<object, number[]>();
  io.performIO = async (query) => {
    const result = await performIO(query);
    // A script of several statements yields one result per statement: nothing to read there.
    if (Array.isArray(result)) return result;
    const chars: number[] = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID === CHAR) {
        field.dataTypeID = 25;
        chars.push(i);
      } else field.dataTypeID = AS_TEXT.get(field.dataTypeID) ?? field.dataTypeID;
    });
    if (chars.length) charColumns.set(result.rows, chars);
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER as never;
    return result;
  };
  return adapter;
}

/** Its own temporary shadow database per diff, dropped after the pool that used it has closed. */
class PostgresForCli extends PrismaPg {
  constructor(private readonly settings: ReturnType<typeof postgresConfig>) {
    super(settings);
  }

  override async connect() {
    return catalogueTypes(await super.connect());
  }

  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `eiso_shadow_${randomUUID().replace(/-/g, "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = catalogueTypes(await new PrismaPg({ ...this.settings, database }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  }
}

export function cliAdapter(): PrismaPg | PrismaPGlite {
  const url = process.env.SHADOW_DATABASE_URL;
  return url ? new PostgresForCli(postgresConfig(url)) : new PGliteForCli();
}
