import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { iinPrefix, withCheckDigit } from "@/lib/identity";
import type { Viewer } from "@/lib/auth/scope";
import { refusal, viewer, useTemporaryBlobStore } from "@/tests/setup/helpers";
import { suggestMapping } from "./mapping";
import { ORGANIZATION_FIELDS } from "./targets/organizations";
import { PUPIL_FIELDS } from "./targets/pupils";
import {
  cancelRun,
  getRun,
  listProfiles,
  listRuns,
  rollbackRun,
  runOutcomes,
  runQueuedImports,
  saveProfile,
  startRun,
  storeSource,
} from "./runs";

let region: Viewer;
let serial = 8500;

async function freshBin(): Promise<string> {
  while (serial <= 8999) {
    const bin = withCheckDigit(`2403400${String(serial++).padStart(4, "0")}`);
    if (bin && !(await prisma.organization.findUnique({ where: { bin } }))) return bin;
  }
  throw new Error("no BIN left");
}

useTemporaryBlobStore("eiso-import-");

beforeAll(async () => {
  region = await viewer("u_region");
});

const HEADER = "БСН;Атауы;Наименование;КАТО;Түрі";
const mappingOf = (header: string) => suggestMapping(header.split(";"), ORGANIZATION_FIELDS);

async function importCsv(who: Viewer, text: string) {
  const sha = await storeSource(new Uint8Array(Buffer.from(text, "utf8")));
  const { id } = await startRun(who, {
    target: "organizations",
    sourceName: "schools.csv",
    sourceSha256: sha,
    options: {},
    mapping: mappingOf(text.split("\n")[0]!),
  });
  expect(await runQueuedImports()).toBe(`run ${id}`);
  return getRun(who, "organizations", id);
}

describe("import runs of organisations", () => {
  it("writes new rows with audit and search outbox, skips invalid ones, re-runs unchanged, rolls back", async () => {
    const [a, b] = [await freshBin(), await freshBin()];
    const bad = a.slice(0, 11) + String((Number(a[11]) + 1) % 10);
    const csv = [
      HEADER,
      `${a};Бірінші мектеп;Первая школа;110200000;SCHOOL`,
      `${b};Екінші мектеп;Вторая школа;Бурабай ауданы;SCHOOL`,
      `${bad};Қате;Ошибка;110200000;SCHOOL`,
      `${await freshBin()};Сырт;Вне;710200000;SCHOOL`,
    ].join("\n");
    const outboxBefore = await prisma.searchOutbox.count();
    const first = await importCsv(region, csv);
    expect(first).toMatchObject({ status: "DONE", rowsDone: 4, countNew: 2, countInvalid: 2, lastLine: 5 });
    const created = await prisma.organization.findUniqueOrThrow({ where: { bin: b } });
    expect([created.nameRu, created.territoryId]).toEqual(["Вторая школа", "t110400000"]);
    expect(
      await prisma.auditLog.count({ where: { entity: "Organization", entityId: created.id, action: "create" } }),
    ).toBe(1);
    expect(await prisma.searchOutbox.count()).toBeGreaterThanOrEqual(outboxBefore + 2);
    expect(
      (await runOutcomes(region, "organizations", first.id)).map((r) => [r.line, r.outcome, r.reason ?? ""]),
    ).toEqual([
      [2, "new", ""],
      [3, "new", ""],
      [4, "invalid", "bin.checksum"],
      [5, "invalid", "import.outOfScope"],
    ]);

    // the same file again changes nothing
    const again = await importCsv(region, csv);
    expect(again).toMatchObject({ status: "DONE", countNew: 0, countSame: 2, countInvalid: 2 });

    // a changed name is an update, rolled back to what it was
    const renamed = await importCsv(region, [HEADER, `${a};Бірінші мектеп;Школа №1;110200000;SCHOOL`].join("\n"));
    expect(renamed).toMatchObject({ countUpdate: 1 });
    expect((await prisma.organization.findUniqueOrThrow({ where: { bin: a } })).nameRu).toBe("Школа №1");
    expect(await rollbackRun(region, "organizations", renamed.id)).toEqual({ removed: 0, restored: 1, kept: [] });
    expect((await prisma.organization.findUniqueOrThrow({ where: { bin: a } })).nameRu).toBe("Первая школа");
    expect((await refusal(rollbackRun(region, "organizations", renamed.id))).code).toBe("conflict");

    // a record changed since the run is kept and listed; the rest of the run is removed
    await prisma.organization.update({ where: { bin: b }, data: { address: "жаңа", version: { increment: 1 } } });
    expect(await rollbackRun(region, "organizations", first.id)).toEqual({
      removed: 1,
      restored: 0,
      kept: [{ line: 3, key: b }],
    });
    expect(await prisma.organization.findUnique({ where: { bin: a } })).toBeNull();
    expect(await prisma.organization.findUnique({ where: { bin: b } })).not.toBeNull();
    expect((await getRun(region, "organizations", first.id)).status).toBe("ROLLED_BACK");
    expect((await listRuns(region, "organizations")).map((r) => r.id)).toContain(first.id);
  });

  it("resumes after the last written line, cancels, and keeps runs to their importer", async () => {
    const sha = await storeSource(
      new Uint8Array(Buffer.from([HEADER, `${await freshBin()};Үшінші;Третья;110200000;SCHOOL`].join("\n"), "utf8")),
    );
    const queued = await startRun(region, {
      target: "organizations",
      sourceName: "s.csv",
      sourceSha256: sha,
      options: {},
      mapping: mappingOf(HEADER),
    });
    await cancelRun(region, "organizations", queued.id);
    expect(await runQueuedImports()).toBeUndefined();
    expect((await getRun(region, "organizations", queued.id)).status).toBe("CANCELLED");
    // another importer (a district admin) does not see it
    const district = await viewer("u_district");
    expect((await refusal(getRun(district, "organizations", queued.id))).code).toBe("notFound");
    expect(
      (
        await refusal(
          startRun(await viewer("u_teacher"), {
            target: "organizations",
            sourceName: "s.csv",
            sourceSha256: sha,
            options: {},
            mapping: mappingOf(HEADER),
          }),
        )
      ).code,
    ).toBe("forbidden");
    // a required field left unmapped is refused before anything is queued
    const unmapped = await refusal(
      startRun(region, { target: "organizations", sourceName: "s.csv", sourceSha256: sha, options: {}, mapping: {} }),
    );
    expect(unmapped.fieldErrors["mapping.bin"]).toBe("import.unmapped");
  });

  it("saves a named mapping and lists it for its owner", async () => {
    await saveProfile(region, {
      target: "organizations",
      name: "Old DB",
      columns: HEADER.split(";"),
      mapping: mappingOf(HEADER),
    });
    await saveProfile(region, { target: "organizations", name: "Old DB", columns: HEADER.split(";"), mapping: {} });
    const profiles = await listProfiles(region, "organizations");
    expect(profiles.map((p) => [p.name, p.mapping])).toEqual([["Old DB", {}]]);
    expect(await listProfiles(await viewer("u_district"), "organizations")).toEqual([]);
  });
});

describe("import runs of pupils", () => {
  it("creates pupils with their enrolment, moves one to another class, and rolls both back", async () => {
    const admin = await viewer("u_school");
    const schoolId = admin.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
    const own = await prisma.organization.findUniqueOrThrow({ where: { id: schoolId } });
    const classes = await prisma.classGroup.findMany({
      where: { organizationId: schoolId, enrolments: { some: {} } },
      orderBy: [{ academicYear: { startDate: "desc" } }, { grade: "asc" }, { letter: "asc" }],
      include: { enrolments: { include: { student: true }, take: 1 } },
      take: 2,
    });
    const [c1, c2] = classes as [(typeof classes)[0], (typeof classes)[0]];
    expect(c1.academicYearId).toBe(c2.academicYearId);
    const moved = c1.enrolments[0]!.student;
    const fresh = withCheckDigit(iinPrefix("2015-03-04", "FEMALE") + "7401")!;
    const text = [
      "ИИН,Фамилия,Имя,Отчество,БИН школы,Класс",
      `${fresh},Асанова,Дана,,${own.bin},${c1.grade}${c1.letter}`,
      `${moved.iin},${moved.lastName},${moved.firstName},${moved.middleName ?? ""},${own.bin},${c2.grade}-${c2.letter}`,
    ].join("\n");
    const sha = await storeSource(new Uint8Array(Buffer.from(text, "utf8")));
    const { id } = await startRun(admin, {
      target: "pupils",
      sourceName: "pupils.csv",
      sourceSha256: sha,
      options: {},
      mapping: suggestMapping(text.split("\n")[0]!.split(","), PUPIL_FIELDS),
    });
    await runQueuedImports();
    expect((await runOutcomes(admin, "pupils", id)).map((r) => [r.outcome, r.field, r.reason])).toEqual([
      ["new", undefined, undefined],
      ["update", undefined, undefined],
    ]);
    expect(await getRun(admin, "pupils", id)).toMatchObject({ status: "DONE", countNew: 1, countUpdate: 1 });
    const person = await prisma.person.findUniqueOrThrow({ where: { iin: fresh }, include: { enrolments: true } });
    expect(person.enrolments.map((e) => e.classGroupId)).toEqual([c1.id]);
    expect(
      (
        await prisma.classEnrolment.findFirstOrThrow({
          where: { studentId: moved.id, academicYearId: c1.academicYearId },
        })
      ).classGroupId,
    ).toBe(c2.id);
    expect(await rollbackRun(admin, "pupils", id)).toEqual({ removed: 1, restored: 1, kept: [] });
    expect(await prisma.person.findUnique({ where: { iin: fresh } })).toBeNull();
    expect(
      (
        await prisma.classEnrolment.findFirstOrThrow({
          where: { studentId: moved.id, academicYearId: c1.academicYearId },
        })
      ).classGroupId,
    ).toBe(c1.id);
  });
});
