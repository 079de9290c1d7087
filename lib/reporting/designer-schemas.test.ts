import { describe, expect, it } from "vitest";
import { definitionIssues, draftSave, formInput, periodInput } from "./designer-schemas";

const T = (en: string) => ({ kk: en, ru: en, en });

describe("definition problems at designer paths", () => {
  it("is empty for a valid definition", () => {
    expect(
      definitionIssues({
        sections: [{ kind: "fields", key: "a", title: T("A"), fields: [{ key: "x", label: T("X"), type: "integer" }] }],
        rules: [],
      }),
    ).toEqual([]);
  });

  it("maps duplicate keys and bounds of table rows and columns to the row or column input", () => {
    const issues = definitionIssues({
      sections: [
        {
          kind: "table",
          key: "grades",
          title: T("Grades"),
          rows: [
            { key: "g1", label: T("1") },
            { key: "g1", label: T("1 again") },
          ],
          columns: [
            { key: "total", label: T("Total"), type: "integer", min: 5, max: 1 },
            { key: "total", label: T("Total again"), type: "integer" },
          ],
        },
        {
          kind: "fields",
          key: "grades",
          title: T("Dup"),
          fields: [
            { key: "x", label: T("X"), type: "integer" },
            { key: "x", label: T("X2"), type: "choice" },
          ],
        },
      ],
      rules: [],
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "sections.0.rows.1.key", key: "reporting.duplicateKey", params: {} },
        { path: "sections.0.columns.1.key", key: "reporting.duplicateKey", params: {} },
        { path: "sections.0.columns.0.min", key: "reporting.minAboveMax", params: {} },
        { path: "sections.1.key", key: "reporting.duplicateKey", params: {} },
        { path: "sections.1.fields.1.key", key: "reporting.duplicateKey", params: {} },
        { path: "sections.1.fields.1.classifier", key: "reporting.choiceNeedsClassifier", params: {} },
      ]),
    );
  });

  it("reports a malformed rule at its expression with the position, and generic problems by code", () => {
    const issues = definitionIssues({
      sections: [
        {
          kind: "fields",
          key: "a",
          title: { kk: "", ru: "A", en: "A" },
          fields: [{ key: "Bad", label: T("X"), type: "integer", min: "ten" }],
        },
      ],
      rules: [{ expression: "girls <= ", severity: "error", message: T("m") }],
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "sections.0.title.kk", key: "validation.required", params: {} },
        { path: "sections.0.fields.0.key", key: "reporting.keyFormat", params: {} },
        { path: "sections.0.fields.0.min", key: "validation.invalidType", params: {} },
      ]),
    );
    const rules = definitionIssues({
      sections: [
        { kind: "fields", key: "a", title: T("A"), fields: [{ key: "girls", label: T("X"), type: "integer" }] },
      ],
      rules: [{ expression: "girls <= ", severity: "error", message: T("m") }],
    });
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      path: "rules.0.expression",
      key: expect.stringMatching(/^reporting\.expression\./),
    });
    expect(rules[0]!.params.position).toEqual(expect.any(Number));
  });

  it("needs at least one section", () => {
    expect(definitionIssues({ sections: [], rules: [] })).toEqual([
      { path: "sections", key: "reporting.design.tooFew", params: { min: 1 } },
    ]);
  });
});

describe("form settings", () => {
  const base = {
    code: "D-1",
    nameKk: "Мектеп",
    nameRu: "Школа",
    nameEn: "School",
    periodicity: "ANNUAL",
    retentionYears: "5",
  };

  it("collects organisation kinds from their checkboxes and addressees from the BIN list", () => {
    const parsed = formInput.parse({ ...base, orgKind_SCHOOL: "on", orgKind_COLLEGE: "on", addresseeBins: "" });
    expect(parsed).toMatchObject({
      code: "D-1",
      orgKinds: ["SCHOOL", "COLLEGE"],
      adHoc: false,
      addresseeBins: [],
      retentionYears: 5,
    });
  });

  it("needs kinds for a regular form, addressees for an ad-hoc one, and a one-off periodicity for ad hoc", () => {
    expect(formInput.safeParse(base).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["orgKinds", "reporting.form.orgKindsRequired"],
    ]);
    expect(
      formInput
        .safeParse({ ...base, adHoc: "on", addresseeBins: "12345" })
        .error?.issues.map((i) => [i.path.join("."), i.message]),
    ).toEqual([
      ["addresseeBins", "reporting.form.addresseeBin"],
      ["periodicity", "reporting.form.adHocOneOff"],
    ]);
    expect(
      formInput.parse({
        ...base,
        periodicity: "ONE_OFF",
        adHoc: "on",
        addresseeBins: "971240001315\n971240001315, 000000000000",
      }).addresseeBins,
    ).toEqual(["971240001315", "000000000000"]);
  });

  it("refuses a code with spaces or symbols", () => {
    expect(formInput.safeParse({ ...base, code: "D 1!", orgKind_SCHOOL: "on" }).error?.issues[0]?.message).toBe(
      "reporting.form.codeFormat",
    );
    expect(formInput.safeParse({ ...base, code: "85-К", orgKind_SCHOOL: "on" }).success).toBe(true);
  });
});

describe("periods", () => {
  it("refuses an end before the start", () => {
    const refused = periodInput.safeParse({
      formId: "f",
      label: "2026",
      startsOn: "2026-09-01",
      endsOn: "2026-08-31",
      dueDate: "2026-10-05",
    });
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["endsOn", "reporting.period.endBeforeStart"],
    ]);
    expect(
      periodInput.safeParse({
        formId: "f",
        label: "2026",
        startsOn: "2026-09-01",
        endsOn: "2026-09-01",
        dueDate: "2026-02-30",
      }).error?.issues[0]?.path,
    ).toEqual(["dueDate"]);
  });
});

describe("draft input", () => {
  it("parses values and comments sent as JSON", () => {
    expect(
      draftSave.parse({
        periodId: "p",
        organizationId: "o",
        version: "0",
        values: '{"a.b":"1","a.c":2}',
        comments: '{"0":"why"}',
      }),
    ).toEqual({
      periodId: "p",
      organizationId: "o",
      version: 0,
      values: { "a.b": "1", "a.c": 2 },
      comments: { "0": "why" },
    });
    expect(
      draftSave.safeParse({ periodId: "p", organizationId: "o", version: "1", values: "{oops", comments: "{}" })
        .success,
    ).toBe(false);
    expect(
      draftSave.safeParse({
        periodId: "p",
        organizationId: "o",
        version: "1",
        values: '{"a":{"nested":1}}',
        comments: "{}",
      }).success,
    ).toBe(false);
  });
});
