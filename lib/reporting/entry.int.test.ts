import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/scope";
import { definitionSchema } from "./definition";
import { formCreate, formListInput, periodInput } from "./designer-schemas";
import { createForm, createFormList, newFormVersion, publishFormList, saveDefinition } from "./forms";
import { createPeriod } from "./periods";
import { formsDueFor, isObliged, obligedOrganizationsWhere } from "./obligations";
import { loadEntry, saveDraft, submitEntry, UploadRefused, uploadTemplate } from "./entry";
import { templateCsv, templateRows, templateXlsx } from "./template";
import { refusal } from "@/tests/setup/helpers";
import { zipBomb } from "@/tests/fixtures/zip-bomb";
import { gradeRules, gradesTable, pupilsField, STARTER, T } from "@/tests/fixtures/reporting-forms";

const YEAR = 2041;

const definition = {
  sections: [
    {
      kind: "fields",
      key: "general",
      title: T("General"),
      fields: [pupilsField, { key: "opened", label: T("Opened on"), type: "date" }],
    },
    gradesTable,
  ],
  rules: [...gradeRules, { expression: "pupils < 1000", severity: "warning", message: T("Unusually many pupils") }],
};

let ministry: Viewer;
let school: Viewer;
let schoolOrg: { id: string; bin: string };
let otherSchool: { id: string; bin: string };
let kindergartenAdmin: Viewer;
let kindergarten: { id: string };
let formId: string;
let listId: string;
/** Deadline far ahead: on time. */
let openPeriod: string;
/** Deadline passed: late. */
let latePeriod: string;
/** For uploads. */
let uploadPeriod: string;

beforeAll(async () => {
  ministry = authorizeViewer(await loadViewer("u_ministry"), "reporting.design").viewer;
  school = (await loadViewer("u_school"))!;
  const orgId = school.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  schoolOrg = await prisma.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { id: true, bin: true, territoryId: true },
  });
  otherSchool = await prisma.organization.findFirstOrThrow({
    where: { kind: { code: "SCHOOL" }, NOT: { id: orgId } },
    select: { id: true, bin: true },
  });
  const school1 = await prisma.organization.findUniqueOrThrow({ where: { id: orgId } });
  kindergarten = await prisma.organization.create({
    data: {
      bin: "990340099999",
      nameKk: "Балабақша",
      nameRu: "Детский сад",
      nameEn: "Kindergarten",
      kindId: "c_org_kind_preschool",
      territoryId: school1.territoryId,
      reportsToId: school1.reportsToId,
    },
  });
  await prisma.user.create({
    data: {
      id: "u_kg_admin",
      login: "kgadmin",
      passwordHash: "x",
      displayName: "KG admin",
      roles: { create: [{ role: "ORG_ADMIN", organizationId: kindergarten.id }] },
    },
  });
  kindergartenAdmin = (await loadViewer("u_kg_admin"))!;

  const list = await createFormList(
    ministry,
    formListInput.parse({ year: String(YEAR), orderNumber: "9", orderDate: `${YEAR - 1}-12-20` }),
  );
  listId = list.id;
  const form = await createForm(
    ministry,
    formCreate.parse({
      formListId: list.id,
      code: "D-1",
      nameKk: "Контингент",
      nameRu: "Контингент",
      nameEn: "Contingent",
      periodicity: "TERM",
      retentionYears: "5",
      orgKind_SCHOOL: "on",
    }),
    STARTER,
  );
  formId = form.id;
  await saveDefinition(ministry, { formId, formVersion: 1, number: 1, definition });
  openPeriod = (
    await createPeriod(
      ministry,
      periodInput.parse({
        formId,
        label: "I",
        startsOn: `${YEAR}-01-01`,
        endsOn: `${YEAR}-03-31`,
        dueDate: `${YEAR}-04-10`,
      }),
    )
  ).id;
  latePeriod = (
    await createPeriod(
      ministry,
      periodInput.parse({ formId, label: "past", startsOn: "2020-01-01", endsOn: "2020-03-31", dueDate: "2020-04-10" }),
    )
  ).id;
  uploadPeriod = (
    await createPeriod(
      ministry,
      periodInput.parse({
        formId,
        label: "II",
        startsOn: `${YEAR}-04-01`,
        endsOn: `${YEAR}-06-30`,
        dueDate: `${YEAR}-07-10`,
      }),
    )
  ).id;
});

describe("obligations", () => {
  it("shows nothing before the list is published", async () => {
    expect(await formsDueFor(schoolOrg.id, YEAR)).toEqual([]);
    expect((await refusal(loadEntry(school, openPeriod, schoolOrg.id))).code).toBe("notFound");
  });

  it("lists the forms due from an obliged organisation with due and overdue periods, none for others", async () => {
    await publishFormList(ministry, { id: listId, version: 1 });
    const now = new Date(`${YEAR}-01-15T12:00:00Z`);
    const due = await formsDueFor(schoolOrg.id, YEAR, now);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ id: formId, code: "D-1", adHoc: false });
    expect(due[0]!.periods.map((p) => [p.label, p.state, p.submission])).toEqual([
      ["past", "overdue", null],
      ["I", "due", null],
      ["II", "due", null],
    ]);
    expect(due[0]!.periods[1]!.daysLeft).toBe(85);
    expect(await formsDueFor(kindergarten.id, YEAR, now)).toEqual([]);
    expect(await formsDueFor(schoolOrg.id, YEAR + 1, now)).toEqual([]);
  });

  it("counts the obliged organisations: every active school, plus addressees of an ad-hoc request", async () => {
    const form = await prisma.form.findUniqueOrThrow({ where: { id: formId } });
    const schools = await prisma.organization.count({ where: { status: "ACTIVE", kind: { code: "SCHOOL" } } });
    expect(await prisma.organization.count({ where: obligedOrganizationsWhere(form) })).toBe(schools);
    expect(await isObliged(kindergarten.id, form)).toBe(false);

    const adHoc = await createForm(
      ministry,
      formCreate.parse({
        formListId: listId,
        code: "Z-1",
        nameKk: "Сұрау",
        nameRu: "Запрос",
        nameEn: "Request",
        periodicity: "ONE_OFF",
        retentionYears: "1",
        adHoc: "on",
        addresseeBins: "990340099999",
      }),
      STARTER,
    );
    await createPeriod(ministry, {
      formId: adHoc.id,
      label: "once",
      startsOn: `${YEAR}-02-01`,
      endsOn: `${YEAR}-02-01`,
      dueDate: `${YEAR}-02-20`,
    });
    expect(
      await prisma.organization.findMany({ where: obligedOrganizationsWhere(adHoc), select: { id: true } }),
    ).toEqual([{ id: kindergarten.id }]);
    const kgDue = await formsDueFor(kindergarten.id, YEAR);
    expect(kgDue.map((f) => [f.code, f.adHoc])).toEqual([["Z-1", true]]);
    expect((await formsDueFor(schoolOrg.id, YEAR)).map((f) => f.code)).toEqual(["D-1"]);
  });
});

describe("drafts", () => {
  it("refuses an organisation that is not obliged to submit the form, and another organisation's report", async () => {
    const notObliged = await refusal(
      saveDraft(kindergartenAdmin, {
        periodId: openPeriod,
        organizationId: kindergarten.id,
        version: 0,
        values: { "general.pupils": "5" },
        comments: {},
      }),
    );
    expect(notObliged).toMatchObject({ code: "forbidden", fieldErrors: { periodId: "reporting.notObliged" } });
    const other = await refusal(
      saveDraft(school, { periodId: openPeriod, organizationId: otherSchool.id, version: 0, values: {}, comments: {} }),
    );
    expect(other).toMatchObject({
      code: "forbidden",
      fieldErrors: { organizationId: "reporting.notYourOrganization" },
    });
    const submit = await refusal(
      submitEntry(kindergartenAdmin, {
        periodId: openPeriod,
        organizationId: kindergarten.id,
        version: 1,
        comments: {},
      }),
    );
    expect(submit).toMatchObject({ code: "forbidden", fieldErrors: { periodId: "reporting.notObliged" } });
    expect(
      (
        await refusal(
          saveDraft(ministry, {
            periodId: openPeriod,
            organizationId: schoolOrg.id,
            version: 0,
            values: {},
            comments: {},
          }),
        )
      ).code,
    ).toBe("forbidden");
    expect(await prisma.submission.count({ where: { periodId: openPeriod } })).toBe(0);
  });

  it("creates the draft on the first save, keeps what was typed and reports problems per value", async () => {
    const saved = await saveDraft(school, {
      periodId: openPeriod,
      organizationId: schoolOrg.id,
      version: 0,
      values: {
        "general.pupils": " 30 ",
        "grades.g1.total": "abc",
        "grades.g1.girls": "-1",
        "grades.g2.total": "",
        "nope.key": "1",
      },
      comments: { "2": " many ", "9": "no such rule" },
    });
    expect(saved.submission).toMatchObject({ status: "DRAFT", version: 1 });
    expect(saved.problems).toEqual([
      { key: "grades.g1.total", code: "reporting.value.notNumber", params: undefined },
      { key: "grades.g1.girls", code: "reporting.value.belowMin", params: { min: 0 } },
    ]);
    const row = await prisma.submission.findUniqueOrThrow({ where: { id: saved.submission.id } });
    expect(row.values).toEqual({ "general.pupils": 30, "grades.g1.total": "abc", "grades.g1.girls": "-1" });
    expect(row.comments).toEqual({ "2": "many" });
  });

  it("refuses a stale autosave and a second first save", async () => {
    const stale = await refusal(
      saveDraft(school, {
        periodId: openPeriod,
        organizationId: schoolOrg.id,
        version: 0,
        values: { "general.pupils": "31" },
        comments: {},
      }),
    );
    expect(stale.code).toBe("stale");
    const saved = await saveDraft(school, {
      periodId: openPeriod,
      organizationId: schoolOrg.id,
      version: 1,
      values: { "general.pupils": "31" },
      comments: {},
    });
    expect(saved.submission.version).toBe(2);
    expect(
      (
        await refusal(
          saveDraft(school, {
            periodId: openPeriod,
            organizationId: schoolOrg.id,
            version: 1,
            values: { "general.pupils": "99" },
            comments: {},
          }),
        )
      ).code,
    ).toBe("stale");
    const row = await prisma.submission.findFirstOrThrow({
      where: { periodId: openPeriod, organizationId: schoolOrg.id },
    });
    expect(row.values).toEqual({ "general.pupils": 31 });
    expect(await prisma.submission.count({ where: { periodId: openPeriod } })).toBe(1);
  });
});

describe("submitting", () => {
  it("refuses values of the wrong type, a failed blocking rule and a warning without a comment; submits when fixed", async () => {
    const draft = (values: Record<string, string>, version: number) =>
      saveDraft(school, { periodId: openPeriod, organizationId: schoolOrg.id, version, values, comments: {} });
    let saved = await draft({ "general.pupils": "1200", "grades.g1.total": "x", "grades.g2.total": "500" }, 2);
    const wrongType = await refusal(
      submitEntry(school, {
        periodId: openPeriod,
        organizationId: schoolOrg.id,
        version: saved.submission.version,
        comments: {},
      }),
    );
    expect(wrongType.code).toBe("validation");
    expect(wrongType.fieldErrors["grades.g1.total"]).toBe("reporting.value.notNumber");

    saved = await draft(
      { "general.pupils": "1200", "grades.g1.total": "600", "grades.g1.girls": "700", "grades.g2.total": "500" },
      saved.submission.version,
    );
    const rules = await refusal(
      submitEntry(school, {
        periodId: openPeriod,
        organizationId: schoolOrg.id,
        version: saved.submission.version,
        comments: {},
      }),
    );
    expect(rules.code).toBe("validation");
    expect(Object.keys(rules.fieldErrors)).toEqual(expect.arrayContaining(["rule.0", "rule.1", "rule.2"]));

    saved = await draft(
      { "general.pupils": "1200", "grades.g1.total": "700", "grades.g1.girls": "300", "grades.g2.total": "500" },
      saved.submission.version,
    );
    const warning = await refusal(
      submitEntry(school, {
        periodId: openPeriod,
        organizationId: schoolOrg.id,
        version: saved.submission.version,
        comments: {},
      }),
    );
    expect(Object.keys(warning.fieldErrors).filter((k) => k.startsWith("rule."))).toEqual(["rule.2"]);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: saved.submission.id } })).status).toBe("DRAFT");

    expect(
      (
        await refusal(
          submitEntry(school, {
            periodId: openPeriod,
            organizationId: schoolOrg.id,
            version: saved.submission.version - 1,
            comments: { "2": "A new district" },
          }),
        )
      ).code,
    ).toBe("stale");
    const submitted = await submitEntry(school, {
      periodId: openPeriod,
      organizationId: schoolOrg.id,
      version: saved.submission.version,
      comments: { "2": "A new district" },
    });
    expect(submitted).toMatchObject({
      status: "SUBMITTED",
      submittedById: "u_school",
      late: false,
      submittedAt: expect.any(Date),
    });
  });

  it("makes the report read-only after submission and refuses a second submit", async () => {
    const entry = await loadEntry(school, openPeriod, schoolOrg.id);
    expect(entry.editable).toBe(false);
    const edit = await refusal(
      saveDraft(school, {
        periodId: openPeriod,
        organizationId: schoolOrg.id,
        version: entry.submission!.version,
        values: {},
        comments: {},
      }),
    );
    expect(edit).toMatchObject({ code: "conflict", fieldErrors: { periodId: "reporting.notEditable" } });
    const again = await refusal(
      submitEntry(school, {
        periodId: openPeriod,
        organizationId: schoolOrg.id,
        version: entry.submission!.version,
        comments: { "2": "x" },
      }),
    );
    expect(again.code).toBe("conflict");
    const due = await formsDueFor(schoolOrg.id, YEAR, new Date(`${YEAR}-01-15T12:00:00Z`));
    expect(due[0]!.periods.find((p) => p.label === "I")).toMatchObject({
      state: "done",
      submission: { status: "SUBMITTED", late: false },
    });
  });

  it("marks a submission after the deadline as late", async () => {
    const saved = await saveDraft(school, {
      periodId: latePeriod,
      organizationId: schoolOrg.id,
      version: 0,
      values: { "general.pupils": "3", "grades.g1.total": "2", "grades.g2.total": "1" },
      comments: {},
    });
    const submitted = await submitEntry(school, {
      periodId: latePeriod,
      organizationId: schoolOrg.id,
      version: saved.submission.version,
      comments: {},
    });
    expect(submitted).toMatchObject({ status: "SUBMITTED", late: true });
  });
});

describe("template upload", () => {
  const csv = (values: Record<string, string>, meta = { code: "D-1", version: 1 }) =>
    new TextEncoder().encode(templateCsv(meta, templateRows(definitionOf(), "kk"), values));
  const definitionOf = () => definitionSchema.parse(definition);
  let version = 0;

  async function stored() {
    return prisma.submission.findFirst({ where: { periodId: uploadPeriod, organizationId: schoolOrg.id } });
  }

  beforeAll(async () => {
    const saved = await saveDraft(school, {
      periodId: uploadPeriod,
      organizationId: schoolOrg.id,
      version: 0,
      values: { "general.pupils": "10", "grades.g2.girls": "4" },
      comments: { "2": "kept" },
    });
    version = saved.submission.version;
  });

  async function refused(bytes: Uint8Array) {
    const before = await stored();
    const error = await uploadTemplate(school, {
      periodId: uploadPeriod,
      organizationId: schoolOrg.id,
      version,
      bytes,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UploadRefused);
    const after = await stored();
    expect(after!.values).toEqual(before!.values);
    expect(after!.version).toBe(before!.version);
    return (error as UploadRefused).problems;
  }

  it("refuses a file with any bad value, saving nothing, with every row and column", async () => {
    const problems = await refused(
      csv({ "general.pupils": "12", "general.opened": "31.12.2001", "grades.g1.total": "-5" }),
    );
    expect(problems).toEqual([
      {
        row: 4,
        column: "E",
        columnName: "value",
        key: "general.opened",
        code: "reporting.value.notDate",
        params: undefined,
      },
      {
        row: 5,
        column: "E",
        columnName: "value",
        key: "grades.g1.total",
        code: "reporting.value.belowMin",
        params: { min: 0 },
      },
    ]);
  });

  it("refuses another form's template, another version's, unknown columns and unknown keys", async () => {
    expect((await refused(csv({ "general.pupils": "1" }, { code: "85-K", version: 1 })))[0]).toMatchObject({
      code: "reporting.upload.otherForm",
      params: { found: "85-K", expected: "D-1" },
    });
    expect((await refused(csv({}, { code: "D-1", version: 7 })))[0]).toMatchObject({
      code: "reporting.upload.otherVersion",
    });
    const columns = new TextEncoder().encode("form,D-1,version,1\nkey,value,remark\ngeneral.pupils,5,\n");
    expect(await refused(columns)).toEqual([
      {
        row: 2,
        column: "C",
        columnName: "remark",
        code: "reporting.upload.unknownColumn",
        params: { column: "remark" },
      },
    ]);
    const keys = new TextEncoder().encode("form,D-1,version,1\nkey,value\ngeneral.pupils,5\ngeneral.teachers,3\n");
    expect(await refused(keys)).toEqual([
      {
        row: 4,
        column: "A",
        columnName: "key",
        key: "general.teachers",
        code: "reporting.upload.unknownKey",
        params: { key: "general.teachers" },
      },
    ]);
  });

  it("refuses a zip bomb with 413 before parsing it, and checks who uploads before reading the file", async () => {
    const bomb = new Uint8Array(await zipBomb({ mbPerEntry: 40 }));
    const before = await stored();
    const upload = (who: Viewer, organizationId = schoolOrg.id) =>
      refusal(uploadTemplate(who, { periodId: uploadPeriod, organizationId, version, bytes: bomb }));
    const tooLarge = await upload(school);
    expect([tooLarge.fieldErrors, tooLarge.options.status]).toEqual([{ file: "files.zipTooLarge" }, 413]);
    expect((await stored())!.version).toBe(before!.version);
    // another school's report, an organisation not obliged, a person without the permission: refused as such
    expect((await upload(school, otherSchool.id)).fieldErrors).toEqual({
      organizationId: "reporting.notYourOrganization",
    });
    expect((await upload(kindergartenAdmin, kindergarten.id)).fieldErrors).toEqual({
      periodId: "reporting.notObliged",
    });
    expect((await upload((await loadViewer("u_parent"))!)).code).toBe("forbidden");
  });

  it("refuses a file over 10 MB and a file that is neither CSV nor XLSX", async () => {
    expect(await refused(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41))).toEqual([
      { code: "reporting.upload.tooLarge", params: { max: 10 } },
    ]);
    expect(await refused(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0xff]))).toEqual([
      { code: "reporting.upload.badType" },
    ]);
  });

  it("replaces the draft's values with a valid CSV upload, keeping the comments", async () => {
    const saved = await uploadTemplate(school, {
      periodId: uploadPeriod,
      organizationId: schoolOrg.id,
      version,
      bytes: csv({ "general.pupils": "12", "grades.g1.total": "5", "grades.g2.total": "7" }),
    });
    expect(saved.count).toBe(3);
    expect(saved.submission.version).toBe(version + 1);
    version = saved.submission.version;
    const row = await stored();
    expect(row!.values).toEqual({ "general.pupils": 12, "grades.g1.total": 5, "grades.g2.total": 7 });
    expect(row!.comments).toEqual({ "2": "kept" });
  });

  it("replaces them from an XLSX upload too, and refuses a stale one", async () => {
    const bytes = await templateXlsx({ code: "D-1", version: 1 }, templateRows(definitionOf(), "ru"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    workbook.worksheets[0]!.getCell("E3").value = 40;
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(
      (
        await refusal(
          uploadTemplate(school, {
            periodId: uploadPeriod,
            organizationId: schoolOrg.id,
            version: version - 1,
            bytes: filled,
          }),
        )
      ).code,
    ).toBe("stale");
    const saved = await uploadTemplate(school, {
      periodId: uploadPeriod,
      organizationId: schoolOrg.id,
      version,
      bytes: filled,
    });
    expect(saved.count).toBe(1);
    expect((await stored())!.values).toEqual({ "general.pupils": 40 });
  });

  it("moves a fresh draft to the newest version of the form", async () => {
    // Freeze version 1 (reports were submitted on it above) and start version 2.
    const form = await prisma.form.findUniqueOrThrow({ where: { id: formId } });
    await newFormVersion(ministry, { formId, formVersion: form.version });
    const entry = await loadEntry(school, uploadPeriod, schoolOrg.id);
    expect(entry.version.number).toBe(2);
    expect(
      (
        await refusal(
          uploadTemplate(school, {
            periodId: uploadPeriod,
            organizationId: schoolOrg.id,
            version: entry.submission!.version,
            bytes: csv({ "general.pupils": "1" }),
          }),
        )
      ).code,
    ).toBe("validation");
    const saved = await uploadTemplate(school, {
      periodId: uploadPeriod,
      organizationId: schoolOrg.id,
      version: entry.submission!.version,
      bytes: csv({ "general.pupils": "2" }, { code: "d-1", version: 2 }),
    });
    const row = await prisma.submission.findUniqueOrThrow({
      where: { id: saved.submission.id },
      include: { formVersion: true },
    });
    expect(row.formVersion.number).toBe(2);
    // A handed-over report keeps the version it was submitted on.
    expect((await loadEntry(school, openPeriod, schoolOrg.id)).version.number).toBe(1);
  });
});
