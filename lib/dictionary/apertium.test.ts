import { describe, expect, it } from "vitest";
import { DixSyntaxError, parseDixText } from "./apertium";

const wrap = (body: string, head = "") => `<?xml version="1.0" encoding="UTF-8"?>
<dictionary>
  <alphabet/>
  <sdefs><sdef n="n"/><sdef n="v"/></sdefs>
${head}  <section id="main" type="standard">
${body}
  </section>
</dictionary>
`;

async function syntaxError(text: string): Promise<DixSyntaxError> {
  const error = await parseDixText(text).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DixSyntaxError);
  return error as DixSyntaxError;
}

describe("readDix", () => {
  it("reads entries with tags, spaces and directions", async () => {
    const entries = await parseDixText(
      wrap(`<e><p><l>мектеп<s n="n"/></l><r>школа<s n="n"/><s n="f"/><s n="nn"/></r></p></e>
<e r="LR"><p><l>алғыс<b/>білдір<s n="v"/><s n="tv"/></l><r>благодарить<s n="vblex"/><s n="impf"/></r></p></e>
<e r="RL"><p><l>look<g><b/>at</g><s n="vblex"/></l><r>қара<s n="v"/></r></p></e>`),
    );
    expect(entries).toEqual([
      {
        line: 6,
        direction: "both",
        kind: "pair",
        left: { text: "мектеп", tags: ["n"] },
        right: { text: "школа", tags: ["n", "f", "nn"] },
      },
      {
        line: 7,
        direction: "LR",
        kind: "pair",
        left: { text: "алғыс білдір", tags: ["v", "tv"] },
        right: { text: "благодарить", tags: ["vblex", "impf"] },
      },
      {
        line: 8,
        direction: "RL",
        kind: "pair",
        left: { text: "look at", tags: ["vblex"] },
        right: { text: "қара", tags: ["v"] },
      },
    ]);
  });

  it("skips comments, including ones that span lines and contain markup", async () => {
    const entries = await parseDixText(
      wrap(`<!--<e><p><l>жоқ<s n="n"/></l><r>нет<s n="n"/></r></p></e>-->
<!--e><p><l>тарт<s n="v"/></l><r>играть<s n="vblex"/></r></p></e>
<e><p><l>a</l><r>b</r></p></e>
still inside the comment -->
<e><p><l>су<s n="n"/></l><r>вода<s n="n"/></r></p></e>`),
    );
    expect(entries.map((e) => e.left.text)).toEqual(["су"]);
  });

  it("ignores the paradigms outside the section", async () => {
    const entries = await parseDixText(
      wrap(
        `<e><p><l>ет<s n="n"/></l><r>мясо<s n="n"/></r></p></e>`,
        `  <pardefs><pardef n="x"><e><p><l></l><r><s n="m"/></r></p></e></pardef></pardefs>\n`,
      ),
    );
    expect(entries).toHaveLength(1);
  });

  it("decodes entities and marks regular expressions and identity entries", async () => {
    const entries = await parseDixText(
      wrap(`<e><p><l>A&amp;B&#x2019;s<s n="n"/></l><r>қ&lt;р<s n="n"/></r></p></e>
<e><re>[0-9]+</re><p><l><s n="num"/></l><r><s n="num"/></r></p></e>
<e><i>ок<s n="ij"/></i></e>`),
    );
    expect(entries[0]!.left.text).toBe("A&B\u2019s");
    expect(entries[0]!.right.text).toBe("қ<р");
    expect(entries[1]!.kind).toBe("regex");
    expect(entries[2]).toMatchObject({
      kind: "identity",
      left: { text: "ок", tags: ["ij"] },
      right: { text: "ок", tags: ["ij"] },
    });
  });

  it("accepts a byte-order mark and CRLF line ends", async () => {
    const text = `\uFEFF${wrap(`<e><p><l>нан<s n="n"/></l><r>хлеб<s n="n"/></r></p></e>`)}`.replace(/\n/g, "\r\n");
    expect(await parseDixText(text)).toHaveLength(1);
  });

  it("refuses mismatched tags with the line number", async () => {
    const e = await syntaxError(wrap(`<e><p><l>нан<s n="n"/></l><r>хлеб<s n="n"/></l></p></e>`));
    expect(e.line).toBe(6);
    expect(e.message).toMatch(/^line 6: <\/l> found where <\/r>/);
  });

  it("refuses an element that is never closed, naming the line where it opened", async () => {
    const e = await syntaxError(
      `<dictionary>\n<section>\n<e><p><l>a</l><r>b</r></p></e>\n<e><p><l>c</l><r>d</r></p>\n</section>\n</dictionary>\n`,
    );
    expect(e.message).toMatch(/<\/section> found where <\/e> \(opened on line 4\)/);
    expect(e.line).toBe(5);
  });

  it("refuses unquoted attributes, bare ampersands, unknown entities and unclosed comments", async () => {
    expect((await syntaxError(wrap(`<e r=LR><p><l>a</l><r>b</r></p></e>`))).line).toBe(6);
    expect((await syntaxError(wrap(`<e><p><l>a & b</l><r>b</r></p></e>`))).message).toMatch(/bare "&"/);
    expect((await syntaxError(wrap(`<e><p><l>&nbsp;</l><r>b</r></p></e>`))).message).toMatch(/unknown entity &nbsp;/);
    expect((await syntaxError(wrap(`<!-- open\n<e><p><l>a</l><r>b</r></p></e>`))).message).toMatch(
      /^line 6: comment is never closed/,
    );
  });

  it("refuses files that are not Apertium dictionaries", async () => {
    expect((await syntaxError("<html><body>no</body></html>\n")).message).toMatch(/root element is <html>/);
    expect((await syntaxError("just text\n")).message).toMatch(/no <dictionary> element/);
    expect((await syntaxError("<dictionary><section/></dictionary>\ntrailing\n")).message).toMatch(
      /text after the end/,
    );
    expect((await syntaxError("<dictionary><sdefs/></dictionary>\n")).message).toMatch(/no <section>/);
    expect((await syntaxError(wrap(`<e r="both"><p><l>a</l><r>b</r></p></e>`))).message).toMatch(/expected LR or RL/);
    expect((await syntaxError(wrap(`<e><l>a</l></e>`))).message).toMatch(/<l> outside <p>/);
  });
});
