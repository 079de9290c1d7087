import { describe, expect, it } from "vitest";
import { checkValues, definitionSchema, knownNames, valueSlots, type FormDefinition } from "./definition";

const t = (s: string) => ({ kk: s, ru: s, en: s });

const raw = {
  sections: [
    {
      kind: "fields",
      key: "staff",
      title: t("Staff"),
      fields: [
        { key: "teachers_total", label: t("Total"), type: "integer", required: true, min: 0 },
        { key: "teachers_higher", label: t("Higher"), type: "integer", min: 0 },
        { key: "teachers_other", label: t("Other"), type: "integer", min: 0 },
        { key: "internet", label: t("Internet"), type: "boolean" },
        { key: "share_kk", label: t("Kazakh %"), type: "percentage" },
      ],
    },
    {
      kind: "table",
      key: "grades",
      title: t("Pupils by grade"),
      rows: [
        { key: "g1", label: t("1") },
        { key: "g2", label: t("2") },
      ],
      columns: [
        { key: "total", label: t("Total"), type: "integer", required: true, min: 0 },
        { key: "girls", label: t("Girls"), type: "integer", min: 0 },
      ],
    },
    {
      kind: "fields",
      key: "totals",
      title: t("Totals"),
      fields: [{ key: "pupils", label: t("Pupils"), type: "integer", required: true }],
    },
  ],
  rules: [
    { expression: "teachers_total = teachers_higher + teachers_other", severity: "error", message: t("sum") },
    { expression: "sum(grades.*.total) = pupils", severity: "error", message: t("pupils") },
    { expression: "grades.g1.girls <= grades.g1.total", severity: "error", message: t("girls") },
    { expression: "teachers_total > 0", severity: "warning", message: t("no teachers?") },
  ],
};

const def: FormDefinition = definitionSchema.parse(raw);

describe("form definition", () => {
  it("lists value slots with indicators and row keys", () => {
    const slots = valueSlots(def);
    expect(slots.map((s) => s.key)).toEqual([
      "staff.teachers_total",
      "staff.teachers_higher",
      "staff.teachers_other",
      "staff.internet",
      "staff.share_kk",
      "grades.g1.total",
      "grades.g1.girls",
      "grades.g2.total",
      "grades.g2.girls",
      "totals.pupils",
    ]);
    expect(slots.find((s) => s.key === "grades.g2.girls")).toMatchObject({ indicator: "grades.girls", rowKey: "g2" });
    expect(knownNames(def)).toContain("grades.*.total");
    expect(knownNames(def)).toContain("pupils");
  });

  it("refuses malformed rules, unknown names, duplicate keys and inverted bounds at design time", () => {
    const bad = structuredClone(raw) as typeof raw;
    bad.rules.push({ expression: "teachers_total <= ", severity: "error", message: t("x") });
    bad.rules.push({ expression: "nurses <= 3", severity: "error", message: t("x") });
    bad.rules.push({ expression: "staff.teachers_higher + 1", severity: "error", message: t("x") });
    (bad.sections[0] as { fields: unknown[] }).fields.push({
      key: "teachers_total",
      label: t("again"),
      type: "integer",
      min: 5,
      max: 1,
    });
    const result = definitionSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "reporting.expression.unknown_name",
        "reporting.expression.type_mismatch",
        "reporting.duplicateKey",
        "reporting.minAboveMax",
      ]),
    );
    expect(
      messages.some(
        (m) => m.startsWith("reporting.expression.unexpected") || m === "reporting.expression.unterminated",
      ),
    ).toBe(true);
  });

  it("refuses a choice field without a classifier", () => {
    const bad = structuredClone(raw) as typeof raw;
    (bad.sections[0] as { fields: unknown[] }).fields.push({ key: "language", label: t("Language"), type: "choice" });
    const result = definitionSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toContain("reporting.choiceNeedsClassifier");
  });

  it("accepts consistent values and coerces types", () => {
    const r = checkValues(
      def,
      {
        "staff.teachers_total": "10",
        "staff.teachers_higher": "7",
        "staff.teachers_other": "3",
        "staff.internet": "иә",
        "staff.share_kk": "55,5",
        "grades.g1.total": "20",
        "grades.g1.girls": "9",
        "grades.g2.total": "22",
        "grades.g2.girls": "",
        "totals.pupils": "42",
      },
      { mode: "submit" },
    );
    expect(r.problems).toEqual([]);
    expect(r.values["staff.internet"]).toBe(true);
    expect(r.values["staff.share_kk"]).toBe(55.5);
    expect(r.rules.map((x) => x.passed)).toEqual([true, true, true, true]);
    expect(r.submittable).toBe(true);
  });

  it("reports type and bound problems per cell, and required only on submit", () => {
    const values = { "staff.teachers_total": "1.5", "staff.share_kk": "101", "grades.g1.total": "-1", "nope.x": "1" };
    const draft = checkValues(def, values, { mode: "draft" });
    expect(draft.problems).toEqual(
      expect.arrayContaining([
        { key: "staff.teachers_total", code: "reporting.value.notInteger" },
        { key: "staff.share_kk", code: "reporting.value.aboveMax", params: { max: 100 } },
        { key: "grades.g1.total", code: "reporting.value.belowMin", params: { min: 0 } },
        { key: "nope.x", code: "reporting.value.unknownField" },
      ]),
    );
    expect(draft.problems.some((p) => p.code === "reporting.value.required")).toBe(false);
    const submit = checkValues(def, {}, { mode: "submit" });
    expect(
      submit.problems
        .filter((p) => p.code === "reporting.value.required")
        .map((p) => p.key)
        .sort(),
    ).toEqual(["grades.g1.total", "grades.g2.total", "staff.teachers_total", "totals.pupils"]);
    expect(submit.submittable).toBe(false);
  });

  it("blocks on failed error rules and asks a comment for failed warnings", () => {
    const base = {
      "staff.teachers_total": "0",
      "staff.teachers_higher": "0",
      "staff.teachers_other": "0",
      "grades.g1.total": "5",
      "grades.g1.girls": "6",
      "grades.g2.total": "5",
      "totals.pupils": "11",
    };
    const r = checkValues(def, base, { mode: "submit" });
    expect(r.rules.map((x) => x.passed)).toEqual([true, false, false, false]);
    expect(r.rules[3]!.needsComment).toBe(true);
    expect(r.submittable).toBe(false);
    // each rule names the cells it reads, with their figures (bare names resolved, wildcards expanded)
    expect(r.rules[1]!.cells).toEqual([
      { key: "grades.g1.total", value: 5 },
      { key: "grades.g2.total", value: 5 },
      { key: "totals.pupils", value: 11 },
    ]);
    expect(r.rules[2]!.cells.map((c) => c.key)).toEqual(["grades.g1.girls", "grades.g1.total"]);
    const fixed = { ...base, "grades.g1.girls": "2", "totals.pupils": "10" };
    expect(checkValues(def, fixed, { mode: "submit" }).submittable).toBe(false);
    const commented = checkValues(def, fixed, {
      mode: "submit",
      comments: { "3": "The school is closed for renovation." },
    });
    expect(commented.rules[3]).toMatchObject({ passed: false, needsComment: false });
    expect(commented.submittable).toBe(true);
  });

  it("treats a rule over missing values as not applicable", () => {
    const r = checkValues(def, { "grades.g1.total": "5" }, { mode: "draft" });
    expect(r.rules[0]!.passed).toBeNull();
    expect(r.rules[2]!.passed).toBeNull();
  });
});
