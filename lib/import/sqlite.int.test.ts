import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { iinPrefix, withCheckDigit } from "@/lib/identity";
import type { Viewer } from "@/lib/auth/scope";
import { refusal, viewer, useTemporaryBlobStore } from "@/tests/setup/helpers";
import { legacySqlite } from "@/tests/fixtures/import/sqlite";
import type { Mapping } from "./mapping";
import {
  dryRunSource,
  getRun,
  inspectSource,
  rollbackRun,
  runOutcomes,
  runQueuedImports,
  startRun,
  storeSource,
} from "./runs";

let admin: Viewer;

useTemporaryBlobStore("eiso-import-sqlite-");

beforeAll(async () => {
  admin = await viewer("u_school");
});

/** The legacy system's one "fio" column split into the three name fields; dates as dd.mm.yyyy strings. */
const MAPPING: Mapping = {
  iin: { column: "iin", transform: "none" },
  lastName: { column: "fio", transform: "surname" },
  firstName: { column: "fio", transform: "name" },
  middleName: { column: "fio", transform: "patronymic" },
  birthDate: { column: "born", transform: "date" },
  school: { column: "school", transform: "none" },
  class: { column: "klass", transform: "none" },
};

describe("import of pupils from a SQLite file", () => {
  it("inspects the tables, dry-runs and runs a SELECT, and rolls it back", async () => {
    const schoolId = admin.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
    const own = await prisma.organization.findUniqueOrThrow({ where: { id: schoolId } });
    const klass = await prisma.classGroup.findFirstOrThrow({
      where: { organizationId: schoolId, enrolments: { some: {} } },
      orderBy: [{ academicYear: { startDate: "desc" } }, { grade: "asc" }, { letter: "asc" }],
    });
    const fresh = withCheckDigit(iinPrefix("2014-05-06", "MALE") + "7411")!;
    const bytes = await legacySqlite([
      {
        iin: fresh,
        fio: "Сейітов Арман Болатұлы",
        born: "06.05.2014",
        sex: "м",
        school: own.bin!,
        klass: `${klass.grade}${klass.letter}`,
      },
      {
        iin: "123",
        fio: "Қате Жол",
        born: "01.01.2014",
        sex: "м",
        school: own.bin!,
        klass: `${klass.grade}${klass.letter}`,
      },
      { iin: fresh, fio: "Другая Школа", born: "01.01.2014", sex: "м", school: "000000000002", klass: "5А" },
    ]);
    const sha = await storeSource(bytes);
    const ref = { target: "pupils" as const, sourceName: "legacy.sqlite", sourceSha256: sha };

    const inspected = await inspectSource(admin, { ...ref, options: {} });
    expect(inspected.info).toMatchObject({
      kind: "sqlite",
      tables: ["pupils", "schools", "pupils_5"],
      table: "pupils",
    });
    expect(inspected.columns).toEqual(["id", "iin", "fio", "born", "sex", "school", "klass", "photo"]);
    expect(inspected.preview[0]).toContain("Сейітов Арман Болатұлы");

    // only this school's rows, by a SELECT
    const options = { query: `SELECT iin, fio, born, school, klass FROM pupils WHERE school = '${own.bin}'` };
    const dry = await dryRunSource(admin, { ...ref, options, mapping: MAPPING });
    expect(dry.counts).toEqual({ new: 1, update: 0, unchanged: 0, duplicate: 0, invalid: 1 });
    expect(await prisma.person.findUnique({ where: { iin: fresh } })).toBeNull();
    // as the wizard asks: the counts of every row, but only the first results kept, without what they would write
    const kept = await dryRunSource(admin, { ...ref, options, mapping: MAPPING }, { limit: 1 });
    expect(kept.counts).toEqual(dry.counts);
    expect(kept.results).toHaveLength(1);
    expect(kept.results[0]).toMatchObject({ line: 1, outcome: "new" });
    expect(kept.results[0]!.data).toBeUndefined();

    const { id } = await startRun(admin, { ...ref, options, mapping: MAPPING });
    expect(await runQueuedImports()).toBe(`run ${id}`);
    expect(await getRun(admin, "pupils", id)).toMatchObject({
      status: "DONE",
      countNew: 1,
      countInvalid: 1,
      lastLine: 2,
    });
    expect((await runOutcomes(admin, "pupils", id)).map((r) => [r.line, r.outcome])).toEqual([
      [1, "new"],
      [2, "invalid"],
    ]);
    const person = await prisma.person.findUniqueOrThrow({ where: { iin: fresh }, include: { enrolments: true } });
    expect([person.lastName, person.firstName, person.middleName]).toEqual(["Сейітов", "Арман", "Болатұлы"]);
    expect(person.birthDate.toISOString().slice(0, 10)).toBe("2014-05-06");
    expect(person.enrolments.map((e) => e.classGroupId)).toEqual([klass.id]);

    expect(await rollbackRun(admin, "pupils", id)).toEqual({ removed: 1, restored: 0, kept: [] });
    expect(await prisma.person.findUnique({ where: { iin: fresh } })).toBeNull();
  });

  it("refuses a write, several statements, a missing table and a file that is no database; nothing is queued", async () => {
    const sha = await storeSource(await legacySqlite([]));
    const ref = { target: "pupils" as const, sourceName: "legacy.db", sourceSha256: sha };
    const runs = await prisma.importRun.count();
    for (const [options, field, key] of [
      [{ query: "DELETE FROM pupils" }, "query", "import.notSelect"],
      [{ query: "SELECT 1 AS a; DROP TABLE pupils" }, "query", "import.notSelect"],
      [{ query: "WITH x AS (SELECT 1) UPDATE pupils SET fio = 'x'" }, "query", "import.notSelect"],
      [{ table: "teachers" }, "table", "import.noTable"],
    ] as const) {
      const refused = await refusal(startRun(admin, { ...ref, options, mapping: MAPPING }));
      expect([refused.code, refused.fieldErrors], JSON.stringify(options)).toEqual(["validation", { [field]: key }]);
    }
    const notDb = await storeSource(new Uint8Array(Buffer.from("iin,fio\n1,2\n")));
    const refused = await refusal(inspectSource(admin, { ...ref, sourceSha256: notDb, options: {} }));
    expect(refused.fieldErrors).toEqual({ file: "import.notSqlite" });
    expect(await prisma.importRun.count()).toBe(runs);
  });
});
