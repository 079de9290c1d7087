import { describe, expect, it } from "vitest";
import {
  applyTransform,
  mapRow,
  parseDate,
  parseDecimal,
  splitFullName,
  suggestMapping,
  unmappedRequired,
} from "./mapping";
import { Lookup } from "./lookup";

describe("transforms", () => {
  it("reads dd.mm.yyyy, ISO and Excel serial dates, refusing impossible ones", () => {
    expect(parseDate("04.03.2015")).toBe("2015-03-04");
    expect(parseDate("4/3/2015")).toBe("2015-03-04");
    expect(parseDate("2015-03-04")).toBe("2015-03-04");
    expect(parseDate("42067")).toBe("2015-03-04");
    expect(parseDate("1")).toBe("1899-12-31");
    expect(parseDate("31.02.2015")).toBeNull();
    expect(parseDate("вчера")).toBeNull();
    expect(applyTransform("30.02.2010", "date")).toEqual({ ok: false, problem: "import.transform.date" });
  });

  it("reads numbers with a decimal comma and spaces between thousands", () => {
    expect(parseDecimal("1 234,5")).toBe("1234.5");
    expect(parseDecimal("-0.25")).toBe("-0.25");
    expect(parseDecimal("12,3,4")).toBeNull();
    expect(applyTransform("abc", "decimal")).toEqual({ ok: false, problem: "import.transform.decimal" });
  });

  it("splits a full name, trims, changes case, leaves empty cells empty", () => {
    expect(splitFullName("  Ахметов   Ерлан  Серік ұлы ")).toEqual({
      surname: "Ахметов",
      name: "Ерлан",
      patronymic: "Серік ұлы",
    });
    expect(applyTransform("Жанова Әсел", "name")).toEqual({ ok: true, value: "Әсел" });
    expect(applyTransform("Жанова Әсел", "patronymic")).toEqual({ ok: true, value: "" });
    expect(applyTransform(" мектеп ", "upper")).toEqual({ ok: true, value: "МЕКТЕП" });
    expect(applyTransform("   ", "date")).toEqual({ ok: true, value: "" });
  });
});

describe("mapping", () => {
  const fields = [
    { name: "iin", required: true, synonyms: ["ИИН", "ЖСН", "IIN"] },
    { name: "lastName", required: true, synonyms: ["Фамилия"], namePart: "surname" as const },
    { name: "firstName", required: true, synonyms: ["Имя"], namePart: "name" as const },
    { name: "birthDate", required: false, synonyms: ["Дата рождения"], transform: "date" as const },
  ];

  it("suggests a full-name column for every part, by names compared without case or look-alike letters", () => {
    expect(suggestMapping(["иин", "ФИО", "дата  рождения"], fields)).toEqual({
      iin: { column: "иин", transform: "none" },
      lastName: { column: "ФИО", transform: "surname" },
      firstName: { column: "ФИО", transform: "name" },
      birthDate: { column: "дата  рождения", transform: "date" },
    });
    expect(
      unmappedRequired(fields, {
        iin: { column: "иин", transform: "none" },
        lastName: { constant: "X", transform: "none" },
      }),
    ).toEqual(["firstName"]);
  });

  it("maps a row's cells and constants through their transforms, with problems by field", () => {
    const columns = ["ИИН", "ФИО", "Дата"];
    expect(
      mapRow(columns, [" 123 ", "Петров Пётр Петрович", "31.02.2015"], {
        iin: { column: "ИИН", transform: "none" },
        firstName: { column: "ФИО", transform: "name" },
        birthDate: { column: "Дата", transform: "date" },
        kind: { constant: "SCHOOL", transform: "none" },
      }),
    ).toEqual({
      values: { iin: "123", firstName: "Пётр", kind: "SCHOOL" },
      problems: { birthDate: "import.transform.date" },
    });
  });
});

describe("lookups", () => {
  const lookup = new Lookup([
    { id: "a", code: "110200000", names: ["Көкшетау қаласы", "город Кокшетау", "Kokshetau City"] },
    { id: "b", code: "110400000", names: ["Бурабай ауданы", "Бурабайский район", "Burabay District"] },
    { id: "c", code: "X", names: ["Бурабай ауданы"] },
  ]);
  it("finds by code or by a name in kk/ru/en, Latin or Cyrillic, and tells an ambiguous name", () => {
    expect(lookup.find("110200000")).toEqual({ ok: true, id: "a" });
    expect(lookup.find("ГОРОД  КОКШЕТАУ")).toEqual({ ok: true, id: "a" });
    expect(lookup.find("Kökşetau qalasy")).toEqual({ ok: true, id: "a" });
    expect(lookup.find("Бурабайский район")).toEqual({ ok: true, id: "b" });
    expect(lookup.find("Бурабай ауданы")).toEqual({ ok: false, problem: "ambiguous" });
    expect(lookup.find("нет")).toEqual({ ok: false, problem: "unknown" });
  });
});
