import mysql from "mysql2/promise";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { refusal, viewer, useTemporaryBlobStore } from "@/tests/setup/helpers";
import { LIVE_LIMITS, liveTables, readLiveSource, type LiveSourceInput } from "./live";
import type { Mapping } from "./mapping";
import { dryRunSource, getRun, rollbackRun, runQueuedImports, startRun } from "./runs";

let region: Viewer;

useTemporaryBlobStore("eiso-import-live-");

beforeAll(async () => {
  region = await viewer("u_region");
});

/** The legacy fixture's columns mapped to pupils: the one full-name column split, dd.mm.yyyy birth dates. */
const MAPPING: Mapping = {
  iin: { column: "iin", transform: "none" },
  lastName: { column: "fio", transform: "surname" },
  firstName: { column: "fio", transform: "name" },
  middleName: { column: "fio", transform: "patronymic" },
  birthDate: { column: "born", transform: "date" },
  school: { column: "bin", transform: "none" },
  class: { column: "klass", transform: "none" },
};
const SELECT =
  "SELECT p.iin, p.fio, p.born, s.bin, p.klass FROM pupils p JOIN schools s ON s.id = p.school_id ORDER BY p.id";

/** The seeded school No. 1 (in the region admin's region): the legacy school 1's rows are pointed at it. */
async function seededSchoolBin(): Promise<string> {
  const admin = await viewer("u_school");
  const id = admin.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  return (await prisma.organization.findUniqueOrThrow({ where: { id } })).bin!;
}

const input = (connection: LiveSourceInput["connection"], rest: Partial<LiveSourceInput> = {}): LiveSourceInput => ({
  target: "pupils",
  action: "read",
  connection,
  limit: 200_000,
  ...rest,
});

describe("live database sources: refusals that need no server", () => {
  const somewhere = {
    engine: "postgres" as const,
    host: "127.0.0.1",
    port: 1,
    database: "legacy",
    user: "u",
    password: "",
  };

  it("lets only ministry and region admins connect", async () => {
    const refused = await refusal(liveTables(await viewer("u_school"), input(somewhere, { action: "tables" })));
    expect(refused.code).toBe("forbidden");
  });

  it("refuses a statement that is not one SELECT before connecting", async () => {
    for (const query of ["DELETE FROM pupils", "UPDATE pupils SET fio = ''", "  "])
      expect((await refusal(readLiveSource(region, input(somewhere, { query })))).fieldErrors).toEqual({
        query: "import.notSelect",
      });
  });

  it("refuses the portal's own database", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://eiso:secret@localhost:5432/eiso";
    try {
      const own = { ...somewhere, port: 5432, database: "eiso" };
      expect((await refusal(liveTables(region, input(own, { action: "tables" })))).fieldErrors).toEqual({
        "connection.database": "import.portalDatabase",
      });
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });

  it("says so when the server cannot be reached; nothing is stored", async () => {
    const runs = await prisma.importRun.count();
    for (const engine of ["postgres", "mysql"] as const)
      expect(
        (await refusal(readLiveSource(region, input({ ...somewhere, engine }, { table: "pupils" })))).fieldErrors,
      ).toEqual({ connection: "import.connectionFailed" });
    expect(await prisma.importRun.count()).toBe(runs);
  });
});

/** The import of the legacy pupils from a live server, then its rollback (one journey per engine). */
async function importsPupils(connection: LiveSourceInput["connection"], slowQuery: string) {
  expect(await liveTables(region, input(connection, { action: "tables" }))).toEqual(
    expect.arrayContaining(["marks", "pupils", "schools", "teachers"]),
  );
  const read = await readLiveSource(region, input(connection, { query: SELECT }));
  expect(read.rows).toBe(4);
  expect(read.columns).toEqual(["iin", "fio", "born", "bin", "klass"]);
  expect(read.preview[0]).toEqual(["140506500011", "Сейітов Арман Болатұлы", "06.05.2014", expect.any(String), "5А"]);
  // the snapshot holds the rows, not the connection
  expect(Object.keys(read.ref).sort()).toEqual(["options", "sourceName", "sourceSha256", "target"]);

  const dry = await dryRunSource(region, { ...read.ref, mapping: MAPPING });
  expect(dry.counts).toMatchObject({ new: 2, invalid: 2 });
  const { id } = await startRun(region, { ...read.ref, mapping: MAPPING });
  const stored = await prisma.importRun.findUniqueOrThrow({ where: { id } });
  // the run records the snapshot it reads, never the connection
  expect([stored.sourceName, stored.options]).toEqual([read.ref.sourceName, { encoding: "utf-8", delimiter: "," }]);
  expect(await runQueuedImports()).toBe(`run ${id}`);
  expect(await getRun(region, "pupils", id)).toMatchObject({ status: "DONE", countNew: 2, countInvalid: 2 });
  const girl = await prisma.person.findUniqueOrThrow({ where: { iin: "140708600036" } });
  expect([girl.lastName, girl.firstName, girl.middleName, girl.sex]).toEqual([
    "Жанова",
    "Әсел",
    "Қайратқызы",
    "FEMALE",
  ]);
  expect(await rollbackRun(region, "pupils", id)).toMatchObject({ removed: 2 });

  // a too narrow row limit and a statement that runs too long are refused with what to do
  expect((await refusal(readLiveSource(region, input(connection, { table: "pupils", limit: 3 })))).fieldErrors).toEqual(
    {
      limit: "import.tooManyRows",
    },
  );
  const saved = LIVE_LIMITS.statementTimeoutMs;
  LIVE_LIMITS.statementTimeoutMs = 1_000;
  try {
    expect((await refusal(readLiveSource(region, input(connection, { query: slowQuery })))).fieldErrors).toEqual({
      query: "import.statementTimeout",
    });
  } finally {
    LIVE_LIMITS.statementTimeoutMs = saved;
  }
  // a write hidden in the statement is refused by the read-only transaction
  expect(
    (await refusal(readLiveSource(region, input(connection, { query: "SELECT * FROM pupils FOR UPDATE" }))))
      .fieldErrors,
  ).toEqual({ query: "import.notSelect" });
}

const mariadbUrl = process.env.MARIADB_URL;
if (mariadbUrl) {
  describe("live database sources: MariaDB (MARIADB_URL, the legacy fixture loaded)", () => {
    it("imports pupils from a SELECT, Kazakh letters and cp1251 columns intact, and rolls back", async () => {
      const url = new URL(mariadbUrl);
      const connection = {
        engine: "mysql" as const,
        host: url.hostname,
        port: Number(url.port || 3306),
        database: decodeURIComponent(url.pathname.slice(1)),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
      };
      const admin = await mysql.createConnection({ uri: mariadbUrl, charset: "utf8mb4_unicode_ci" });
      await admin.query("UPDATE schools SET bin = ? WHERE id = 1", [await seededSchoolBin()]);
      await admin.end();
      const cp1251 = await readLiveSource(
        region,
        input(connection, { query: "SELECT fio_cp1251 AS fio FROM pupils ORDER BY id" }),
      );
      expect(cp1251.preview[0]).toEqual(["Сейитов Арман Болатович"]);
      await importsPupils(connection, "SELECT SLEEP(5) AS s");
    });
  });
} else {
  describe("live database sources: MariaDB", () => {
    it.skip("skipped: MARIADB_URL is not set, so the MariaDB source tests did not run", () => undefined);
  });
  console.warn("⚠ MariaDB source tests skipped: set MARIADB_URL (the legacy fixture loaded) to run them.");
}

const postgresUrl = process.env.TEST_DATABASE_URL;
if (postgresUrl) {
  describe("live database sources: PostgreSQL (TEST_DATABASE_URL's server, a database of its own)", () => {
    const name = `eiso_legacy_${process.pid}`;
    let server: pg.Client;
    beforeAll(async () => {
      server = new pg.Client({ connectionString: postgresUrl });
      await server.connect();
      await server.query(`DROP DATABASE IF EXISTS ${name}`);
      await server.query(`CREATE DATABASE ${name}`);
    });
    afterAll(async () => {
      await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await server.end();
    });

    it("imports pupils from a SELECT and rolls back", async () => {
      const url = new URL(postgresUrl);
      const legacyUrl = new URL(postgresUrl);
      legacyUrl.pathname = `/${name}`;
      const legacy = new pg.Client({ connectionString: legacyUrl.toString() });
      await legacy.connect();
      await legacy.query(`
        CREATE TABLE schools (id int PRIMARY KEY, bin char(12), name_ru text);
        CREATE TABLE pupils (id serial PRIMARY KEY, iin char(12), fio text, born varchar(10), school_id int, klass text);
        CREATE TABLE teachers (id serial PRIMARY KEY, fio text);
        CREATE TABLE marks (id serial PRIMARY KEY, pupil_id int, mark text);`);
      await legacy.query("INSERT INTO schools VALUES (1, $1, 'Школа №1'), (2, '000000000002', 'Гимназия')", [
        await seededSchoolBin(),
      ]);
      await legacy.query(`INSERT INTO pupils (iin, fio, born, school_id, klass) VALUES
        ('140506500011', 'Сейітов Арман Болатұлы', '06.05.2014', 1, '5А'),
        ('140708600036', 'Жанова Әсел Қайратқызы', '08.07.2014', 1, '5А'),
        ('140708600030', 'Қате Нөмір', '08.07.2014', 1, '5А'),
        ('150101500011', 'Другая Школа Ученик', '01.01.2015', 2, '4Б')`);
      await legacy.end();
      await importsPupils(
        {
          engine: "postgres",
          host: url.hostname,
          port: Number(url.port || 5432),
          database: name,
          user: decodeURIComponent(url.username),
          password: decodeURIComponent(url.password),
        },
        "SELECT pg_sleep(5) AS s",
      );
    });
  });
} else {
  describe("live database sources: PostgreSQL", () => {
    it.skip("skipped: TEST_DATABASE_URL is not set, so the PostgreSQL source tests did not run", () => undefined);
  });
  console.warn("⚠ PostgreSQL source tests skipped: set TEST_DATABASE_URL to run them.");
}
