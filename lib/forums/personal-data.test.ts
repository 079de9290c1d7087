import { describe, expect, it } from "vitest";
import { iinPrefix, withCheckDigit } from "../identity";
import { containsIin, containsPersonalData, containsPhone } from "./personal-data";

const iin = withCheckDigit(`${iinPrefix("2015-03-03", "MALE")}5987`)!;
const wrong = `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
const grouped = (digits: string, sizes: number[], sep: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const n of sizes) {
    parts.push(digits.slice(at, at + n));
    at += n;
  }
  return parts.join(sep);
};

describe("the IIN guard", () => {
  it("finds an IIN written whole, in groups with spaces, dashes or dots, inside a sentence", () => {
    for (const written of [
      iin,
      grouped(iin, [4, 4, 4], " "),
      grouped(iin, [6, 6], "-"),
      grouped(iin, [2, 2, 2, 6], "."),
      grouped(iin, [3, 3, 3, 3], "\u00a0"),
      grouped(iin, [4, 4, 4], " - "),
    ]) {
      expect(containsIin(`Оқушының ЖСН: ${written}, сынып 5 А`), written).toBe(true);
    }
  });

  it("ignores 12 digits without a valid check digit and digits that are part of a longer number", () => {
    expect(containsIin(`ЖСН ${wrong}`)).toBe(false);
    expect(containsIin(grouped(wrong, [4, 4, 4], " "))).toBe(false);
    expect(containsIin(`шот ${iin}7`)).toBe(false);
    expect(containsIin(`шот 1${iin}`)).toBe(false);
    expect(containsIin("2026 жылы 15 наурызда 30 оқушы")).toBe(false);
  });
});

describe("the phone guard", () => {
  it("finds Kazakh mobile numbers with +7 or 8 and any grouping", () => {
    for (const phone of [
      "+7 701 123 45 67",
      "+7 (701) 123-45-67",
      "+77011234567",
      "8 701 123 45 67",
      "8(747)1234567",
      "87011234567",
      "8-775-123-45-67",
      "+7.702.123.45.67",
    ]) {
      expect(containsPhone(`Маған қоңырау шалыңыз: ${phone}.`), phone).toBe(true);
      expect(containsPersonalData(phone)).toBe(true);
    }
  });

  it("ignores other numbers: a landline, a year range, counts, a number without the prefix", () => {
    for (const text of [
      "8 727 123 45 67 (Алматы)",
      "+7 727 123 45 67",
      "2025-2026 оқу жылы",
      "701 123 45 67",
      "77011234567",
      "1 2 3 4 5 6 7 8 9 10 11",
    ]) {
      expect(containsPhone(text), text).toBe(false);
    }
    expect(containsPersonalData("Сабақ жоспары 5 сыныпқа, 45 минут")).toBe(false);
  });
});
