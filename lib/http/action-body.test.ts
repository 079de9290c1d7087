import { describe, expect, it } from "vitest";
import { checkActionBody, replyWellFormed } from "./action-body";

const multipart = (fields: Record<string, string>) => {
  const body = Object.entries(fields)
    .map(([name, value]) => `--B\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join("");
  return Buffer.from(`${body}--B--\r\n`);
};
const FORM = "multipart/form-data; boundary=B";

describe("server action bodies", () => {
  it("accepts what the browser's encoder writes", async () => {
    expect(
      replyWellFormed('["text","$$escaped",1,null,{"a":["$undefined","$NaN","$-0","$n12","$D2026-01-01"]}]', new Set()),
    ).toBe(true);
    expect(await checkActionBody(Buffer.from("[]"), "text/plain;charset=UTF-8", true)).toBe("ok");
    expect(await checkActionBody(multipart({ "0": '[null,"$K1"]', "1_email": "a@b.kz" }), FORM, true)).toBe("ok");
    // an outlined value refers to a field by its id in hexadecimal
    expect(await checkActionBody(multipart({ "0": '["$@a"]', "10": '"x"' }), FORM, true)).toBe("ok");
  });

  it("refuses what the framework could not decode", async () => {
    for (const text of ["garbage", "[1,2,", '{"a":1}', '"x"', '["$1"]', '["$Qz"]', '["$"]'])
      expect(await checkActionBody(Buffer.from(text), "text/plain", true), text).toBe("malformed");
    // a reference to a field that is not there, a body without its root field, a truncated body
    expect(await checkActionBody(multipart({ "0": '["$@2"]', "1": "x" }), FORM, true)).toBe("malformed");
    expect(await checkActionBody(multipart({ "1_email": "a" }), FORM, true)).toBe("malformed");
    expect(await checkActionBody(multipart({ "0": "[]" }).subarray(0, 20), FORM, true)).toBe("malformed");
    expect(await checkActionBody(Buffer.from("x"), "multipart/form-data", false)).toBe("malformed");
  });

  it("leaves posts without the action header to the framework unless their form cannot be read", async () => {
    expect(await checkActionBody(Buffer.from("anything"), "text/plain", false)).toBe("ok");
    expect(await checkActionBody(multipart({ $ACTION_ID_1: "" }), FORM, false)).toBe("ok");
  });
});
