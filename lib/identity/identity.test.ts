import { describe, expect, it } from "vitest";
import { binProblem, checkDigit, idNumberProblem, iinPrefix, parseIin, withCheckDigit } from "./index";

describe("check digit", () => {
  it("accepts the published examples", () => {
    expect(idNumberProblem("811201401188")).toBeNull();
    expect(idNumberProblem("971240001315")).toBeNull();
  });

  it("computes the first-pass check digit by hand", () => {
    // 8·1+1·2+1·3+2·4+0·5+1·6+4·7+0·8+1·9+1·10+8·11 = 162; 162 mod 11 = 8
    expect(checkDigit("81120140118")).toBe(8);
  });

  it("falls back to the second weights when the first pass gives 10", () => {
    // 00000000010: first pass 1·10 = 10 → second weights: 1·1 = 1
    expect(checkDigit("00000000010")).toBe(1);
  });

  it("declares a number invalid when both passes give 10", () => {
    // Search the first such prefix rather than hard-coding one, then check that nothing completes it.
    let found: string | null = null;
    for (let n = 0; n < 100000 && !found; n++) {
      const s = String(n).padStart(11, "0");
      if (checkDigit(s) === null) found = s;
    }
    expect(found).not.toBeNull();
    expect(withCheckDigit(found!)).toBeNull();
  });

  it("refuses a wrong check digit and a wrong shape", () => {
    expect(idNumberProblem("811201401187")).toBe("checksum");
    expect(idNumberProblem("81120140118")).toBe("format");
    expect(idNumberProblem("8112014011a8")).toBe("format");
  });
});

describe("IIN", () => {
  it("derives birth date and sex", () => {
    expect(parseIin("811201401188")).toEqual({ ok: true, facts: { birthDate: "1981-12-01", sex: "FEMALE" } });
    const male2015 = withCheckDigit("1503055" + "0001") ?? withCheckDigit("1503055" + "0002");
    expect(male2015).not.toBeNull();
    expect(parseIin(male2015!)).toEqual({ ok: true, facts: { birthDate: "2015-03-05", sex: "MALE" } });
  });

  it("refuses an impossible date even with a right check digit", () => {
    const feb30 = withCheckDigit("1502305" + "0001") ?? withCheckDigit("1502305" + "0003");
    expect(parseIin(feb30!)).toEqual({ ok: false, problem: "birthDate" });
  });

  it("refuses a century digit outside 1–6", () => {
    const bad = withCheckDigit("8112017" + "0118") ?? withCheckDigit("8112017" + "0119");
    expect(parseIin(bad!)).toEqual({ ok: false, problem: "century" });
  });

  it("builds a prefix that parses back", () => {
    expect(iinPrefix("2016-09-01", "FEMALE")).toBe("1609016");
    expect(iinPrefix("1975-01-31", "MALE")).toBe("7501313");
  });
});

describe("BIN", () => {
  it("accepts a valid BIN and refuses malformed ones", () => {
    expect(binProblem("971240001315")).toBeNull();
    expect(binProblem("971240001316")).toBe("checksum");
    const month13 = withCheckDigit("97134000131") ?? withCheckDigit("97134000132");
    expect(binProblem(month13!)).toBe("registrationDate");
    const type9 = withCheckDigit("97129000131") ?? withCheckDigit("97129000132");
    expect(binProblem(type9!)).toBe("entityType");
  });
});
