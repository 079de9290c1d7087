import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/scope";
import { definitionSchema } from "./definition";
import { formCreate, formListInput, periodInput } from "./designer-schemas";
import {
  createForm,
  createFormList,
  getFormDesign,
  newFormVersion,
  publishFormList,
  saveDefinition,
  updateForm,
} from "./forms";
import { createPeriod, deadlineInfo, deletePeriod } from "./periods";
import { saveDraft, submitEntry } from "./entry";
import { refusal } from "@/tests/setup/helpers";
import { gradeRules, gradesTable, pupilsField, STARTER, T } from "@/tests/fixtures/reporting-forms";

/** The AppError a refused call throws (fails the test when the call succeeds or throws something else). */
let ministry: Viewer;
let school: Viewer;
let schoolOrgId: string;

const contingent = {
  sections: [
    {
      kind: "fields",
      key: "general",
      title: T("General"),
      fields: [pupilsField],
    },
    gradesTable,
  ],
  rules: gradeRules,
};

beforeAll(async () => {
  ministry = authorizeViewer(await loadViewer("u_ministry"), "reporting.design").viewer;
  school = (await loadViewer("u_school"))!;
  schoolOrgId = school.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
});

describe("lists of forms", () => {
  it("creates one list per year and refuses a second list for the same year", async () => {
    const list = await createFormList(
      ministry,
      formListInput.parse({ year: "2031", orderNumber: "12", orderDate: "2030-12-20" }),
    );
    expect(list).toMatchObject({ year: 2031, status: "DRAFT", version: 1 });
    const error = await refusal(
      createFormList(ministry, formListInput.parse({ year: "2031", orderNumber: "13", orderDate: "2030-12-21" })),
    );
    expect(error.fieldErrors).toEqual({ year: "reporting.list.yearTaken" });
    expect(await prisma.auditLog.count({ where: { entity: "FormList", entityId: list.id } })).toBe(1);
  });

  it("publishes a list only with forms, once", async () => {
    const list = await createFormList(
      ministry,
      formListInput.parse({ year: "2032", orderNumber: "1", orderDate: "2031-12-01" }),
    );
    expect((await refusal(publishFormList(ministry, { id: list.id, version: 1 }))).fieldErrors).toEqual({
      id: "reporting.list.empty",
    });
    await createForm(
      ministry,
      formCreate.parse({
        formListId: list.id,
        code: "D-1",
        nameKk: "Паспорт",
        nameRu: "Паспорт",
        nameEn: "Passport",
        periodicity: "ANNUAL",
        retentionYears: "5",
        orgKind_SCHOOL: "on",
      }),
      STARTER,
    );
    expect((await refusal(publishFormList(ministry, { id: list.id, version: 0 }))).code).toBe("stale");
    const published = await publishFormList(ministry, { id: list.id, version: 1 });
    expect(published).toMatchObject({ status: "PUBLISHED", publishedAt: expect.any(Date) });
    expect((await refusal(publishFormList(ministry, { id: list.id, version: 2 }))).fieldErrors).toEqual({
      id: "reporting.list.alreadyPublished",
    });
  });
});

describe("forms", () => {
  it("adds a form with version 1 of its structure and refuses a duplicate code in the list", async () => {
    const list = await createFormList(
      ministry,
      formListInput.parse({ year: "2033", orderNumber: "1", orderDate: "2032-12-01" }),
    );
    const input = formCreate.parse({
      formListId: list.id,
      code: "85-K",
      nameKk: "Контингент",
      nameRu: "Контингент",
      nameEn: "Contingent",
      periodicity: "ANNUAL",
      retentionYears: "10",
      orgKind_SCHOOL: "on",
      orgKind_COLLEGE: "on",
    });
    const form = await createForm(ministry, input, STARTER);
    expect(form).toMatchObject({ code: "85-K", orgKinds: ["SCHOOL", "COLLEGE"], retentionYears: 10, adHoc: false });
    const design = await getFormDesign(form.id);
    expect(design!.versions).toHaveLength(1);
    expect(design!.versions[0]).toMatchObject({ number: 1, frozen: false, locked: false, submissions: 0 });
    expect(definitionSchema.parse(design!.versions[0]!.definition)).toEqual(STARTER);
    expect((await refusal(createForm(ministry, input, STARTER))).fieldErrors).toEqual({
      code: "reporting.form.codeTaken",
    });
  });

  it("addresses an ad-hoc request to organisations by BIN, refusing unknown BINs", async () => {
    const list = await createFormList(
      ministry,
      formListInput.parse({ year: "2034", orderNumber: "1", orderDate: "2033-12-01" }),
    );
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: schoolOrgId } });
    const base = {
      formListId: list.id,
      code: "Z-1",
      nameKk: "Сауалнама",
      nameRu: "Запрос",
      nameEn: "Request",
      periodicity: "ONE_OFF",
      retentionYears: "1",
      adHoc: "on",
    };
    const unknown = await refusal(
      createForm(ministry, formCreate.parse({ ...base, addresseeBins: `${org.bin}\n000000000000` }), STARTER),
    );
    expect(unknown.fieldErrors).toEqual({ addresseeBins: "reporting.form.addresseeUnknown" });
    expect(unknown.params).toEqual({ bins: "000000000000" });
    const form = await createForm(ministry, formCreate.parse({ ...base, addresseeBins: org.bin }), STARTER);
    expect(form).toMatchObject({ adHoc: true, periodicity: "ONE_OFF", orgKinds: [] });
    expect(await prisma.formAddressee.findMany({ where: { formId: form.id } })).toEqual([
      { formId: form.id, organizationId: org.id },
    ]);
    const updated = await updateForm(ministry, {
      ...formCreate.parse({
        ...base,
        addresseeBins: "",
        adHoc: undefined,
        periodicity: "ANNUAL",
        orgKind_SCHOOL: "on",
      }),
      id: form.id,
      version: 1,
    });
    expect(updated).toMatchObject({ adHoc: false, orgKinds: ["SCHOOL"], version: 2 });
    expect(await prisma.formAddressee.count({ where: { formId: form.id } })).toBe(0);
  });
});

describe("the designer: saving, freezing and new versions", () => {
  let formId: string;
  let periodId: string;

  beforeAll(async () => {
    const list = await createFormList(
      ministry,
      formListInput.parse({ year: "2035", orderNumber: "5", orderDate: "2034-12-01" }),
    );
    const form = await createForm(
      ministry,
      formCreate.parse({
        formListId: list.id,
        code: "D-7",
        nameKk: "Контингент",
        nameRu: "Контингент",
        nameEn: "Contingent",
        periodicity: "ANNUAL",
        retentionYears: "5",
        orgKind_SCHOOL: "on",
      }),
      STARTER,
    );
    formId = form.id;
    periodId = (
      await createPeriod(
        ministry,
        periodInput.parse({
          formId,
          label: "2035",
          startsOn: "2035-01-01",
          endsOn: "2035-12-31",
          dueDate: "2036-01-15",
        }),
      )
    ).id;
    await publishFormList(ministry, { id: list.id, version: 1 });
  });

  it("saves a definition with a table section and rules, bumping the form's version", async () => {
    const saved = await saveDefinition(ministry, { formId, formVersion: 1, number: 1, definition: contingent });
    expect(saved.formVersion).toBe(2);
    const row = await prisma.formVersion.findUniqueOrThrow({ where: { formId_number: { formId, number: 1 } } });
    expect(definitionSchema.parse(row.definition)).toEqual(definitionSchema.parse(contingent));
    expect(await prisma.auditLog.count({ where: { entity: "FormVersion", entityId: row.id } })).toBe(1);
  });

  it("refuses a stale save", async () => {
    expect(
      (await refusal(saveDefinition(ministry, { formId, formVersion: 1, number: 1, definition: contingent }))).code,
    ).toBe("stale");
  });

  it("refuses a malformed definition with problems at the designer's paths, saving nothing", async () => {
    const before = await prisma.formVersion.findUniqueOrThrow({ where: { formId_number: { formId, number: 1 } } });
    const broken = structuredClone(contingent) as typeof contingent & {
      sections: { columns?: { min?: number; max?: number }[] }[];
    };
    broken.rules.push({ expression: "boys <= grades.g1.total", severity: "warning", message: T("x") });
    broken.sections[1]!.columns![1]!.max = -1;
    const error = await refusal(saveDefinition(ministry, { formId, formVersion: 2, number: 1, definition: broken }));
    expect(error.code).toBe("validation");
    expect(error.fieldErrors).toEqual({
      "sections.1.columns.1.min": "reporting.minAboveMax",
      "rules.2.expression": "reporting.expression.unknown_name",
    });
    expect(error.params).toEqual({ position: 0 });
    const after = await prisma.formVersion.findUniqueOrThrow({ where: { formId_number: { formId, number: 1 } } });
    expect(after.definition).toEqual(before.definition);
    expect((await prisma.form.findUniqueOrThrow({ where: { id: formId } })).version).toBe(2);
  });

  it("keeps a version with only drafts editable; refuses a new version while the newest is not frozen", async () => {
    await saveDraft(school, {
      periodId,
      organizationId: schoolOrgId,
      version: 0,
      values: { "general.pupils": "3" },
      comments: {},
    });
    const saved = await saveDefinition(ministry, { formId, formVersion: 2, number: 1, definition: contingent });
    expect(saved.formVersion).toBe(3);
    const error = await refusal(newFormVersion(ministry, { formId, formVersion: 3 }));
    expect(error).toMatchObject({
      code: "conflict",
      fieldErrors: { formId: "reporting.versionNotFrozen" },
      params: { number: 1 },
    });
  });

  it("freezes a version once a report is submitted on it; any edit is refused, a new version copies it", async () => {
    const draft = await saveDraft(school, {
      periodId,
      organizationId: schoolOrgId,
      version: 1,
      values: { "general.pupils": "3", "grades.g1.total": "2", "grades.g2.total": "1", "grades.g1.girls": "1" },
      comments: {},
    });
    await submitEntry(school, {
      periodId,
      organizationId: schoolOrgId,
      version: draft.submission.version,
      comments: {},
    });
    const v1 = await prisma.formVersion.findUniqueOrThrow({ where: { formId_number: { formId, number: 1 } } });
    expect(v1.frozen).toBe(true);

    const edited = structuredClone(contingent);
    edited.sections[0]!.title = T("Changed");
    const error = await refusal(saveDefinition(ministry, { formId, formVersion: 3, number: 1, definition: edited }));
    expect(error).toMatchObject({
      code: "conflict",
      fieldErrors: { definition: "reporting.versionFrozen" },
      params: { number: 1 },
    });
    expect((await prisma.formVersion.findUniqueOrThrow({ where: { id: v1.id } })).definition).toEqual(v1.definition);

    const v2 = await newFormVersion(ministry, { formId, formVersion: 3 });
    expect(v2).toMatchObject({ number: 2, frozen: false });
    expect(v2.definition).toEqual(v1.definition);
    const saved = await saveDefinition(ministry, { formId, formVersion: 4, number: 2, definition: edited });
    expect(saved).toMatchObject({ number: 2, formVersion: 5 });
    // The earlier version stays as it was and cannot be edited any more.
    expect(
      (await refusal(saveDefinition(ministry, { formId, formVersion: 5, number: 1, definition: edited }))).fieldErrors,
    ).toEqual({ definition: "reporting.versionFrozen" });
    const design = await getFormDesign(formId);
    expect(design!.versions.map((v) => [v.number, v.locked, v.submissions])).toEqual([
      [1, true, 1],
      [2, false, 0],
    ]);
  });
});

describe("periods and deadlines", () => {
  let formId: string;

  beforeAll(async () => {
    const list = await createFormList(
      ministry,
      formListInput.parse({ year: "2040", orderNumber: "77", orderDate: "2039-12-25" }),
    );
    formId = (
      await createForm(
        ministry,
        formCreate.parse({
          formListId: list.id,
          code: "P-1",
          nameKk: "Тоқсан",
          nameRu: "Четверть",
          nameEn: "Term",
          periodicity: "TERM",
          retentionYears: "5",
          orgKind_SCHOOL: "on",
        }),
        STARTER,
      )
    ).id;
  });

  it("moves a due date on Nauryz past the holidays and their substitute days off", async () => {
    const period = await createPeriod(
      ministry,
      periodInput.parse({
        formId,
        label: "2026 III",
        startsOn: "2026-01-08",
        endsOn: "2026-03-20",
        dueDate: "2026-03-21",
      }),
    );
    expect(period.dueDate.toISOString().slice(0, 10)).toBe("2026-03-21");
    // 21–23 March Nauryz (21, 22 on a weekend), 24 and 25 March days off in their place: the end of 26 March, Almaty time.
    expect(period.deadlineAt.toISOString()).toBe("2026-03-26T18:59:59.999Z");
    const info = deadlineInfo("2026-03-21", "ru");
    expect(info).toMatchObject({ date: "2026-03-26", moved: true });
    expect(info.skipped.map((s) => [s.date, s.reasons])).toEqual([
      ["2026-03-21", ["holiday", "weekend"]],
      ["2026-03-22", ["holiday", "weekend"]],
      ["2026-03-23", ["holiday"]],
      ["2026-03-24", ["substitute"]],
      ["2026-03-25", ["substitute"]],
    ]);
    expect(info.skipped[0]!.holidays.join()).toMatch(/Наурыз/);
    expect(deadlineInfo("2026-03-21", "kk").skipped[0]!.holidays.join()).toMatch(/Наурыз/);
  });

  it("keeps a due date on a working day", async () => {
    const period = await createPeriod(
      ministry,
      periodInput.parse({
        formId,
        label: "2026 IV",
        startsOn: "2026-04-01",
        endsOn: "2026-05-25",
        dueDate: "2026-06-01",
      }),
    );
    expect(period.deadlineAt.toISOString()).toBe("2026-06-01T18:59:59.999Z");
    expect(deadlineInfo("2026-06-01", "en")).toMatchObject({ moved: false, skipped: [] });
  });

  it("refuses a period that ends before it starts, and a repeated name", async () => {
    const parsed = periodInput.safeParse({
      formId,
      label: "bad",
      startsOn: "2026-05-01",
      endsOn: "2026-04-30",
      dueDate: "2026-05-10",
    });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["endsOn", "reporting.period.endBeforeStart"],
    ]);
    const error = await refusal(
      createPeriod(ministry, {
        formId,
        label: "bad",
        startsOn: "2026-05-01",
        endsOn: "2026-04-30",
        dueDate: "2026-05-10",
      }),
    );
    expect(error.fieldErrors).toEqual({ endsOn: "reporting.period.endBeforeStart" });
    expect(await prisma.reportingPeriod.count({ where: { formId, label: "bad" } })).toBe(0);
    expect(
      (
        await refusal(
          createPeriod(ministry, {
            formId,
            label: "2026 IV",
            startsOn: "2026-04-01",
            endsOn: "2026-05-25",
            dueDate: "2026-06-01",
          }),
        )
      ).fieldErrors,
    ).toEqual({ label: "reporting.period.labelTaken" });
  });

  it("deletes a period without reports", async () => {
    const period = await createPeriod(ministry, {
      formId,
      label: "temp",
      startsOn: "2026-01-01",
      endsOn: "2026-01-31",
      dueDate: "2026-02-05",
    });
    await deletePeriod(ministry, period.id);
    expect(await prisma.reportingPeriod.findUnique({ where: { id: period.id } })).toBeNull();
  });
});
