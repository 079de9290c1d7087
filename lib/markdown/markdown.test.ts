import { describe, expect, it } from "vitest";
import { Parser } from "htmlparser2";
import { ALLOWED_TAGS, linkCount, mentionsOf, plainText, renderMarkdown, sanitize } from ".";

/** Payloads after the OWASP XSS filter evasion cheat sheet; none may yield an executable construct. */
const PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  "<IMG SRC=\"javascript:alert('XSS');\">",
  "<svg/onload=alert(1)>",
  "<body onload=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<style>body{display:none}</style>",
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](vbscript:msgbox(1))",
  "[click](//evil.example/phish)",
  "![x](javascript:alert(1))",
  '![x"onerror="alert(1)](https://x.example/a.png)',
  '[x](https://ok.example "title\\" onmouseover=alert(1)")',
  "<details open ontoggle=alert(1)>",
  "<input autofocus onfocus=alert(1)>",
  "<form action=javascript:alert(1)><button>x</button></form>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "<<script>script>alert(1)<</script>/script>",
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  '<a href="&#x6A;avascript:alert(1)">x</a>',
];

/** The real elements of an HTML fragment with their attributes (escaped text is not an element). */
function elements(html: string): { name: string; attrs: Record<string, string> }[] {
  const found: { name: string; attrs: Record<string, string> }[] = [];
  const parser = new Parser({ onopentag: (name, attrs) => found.push({ name, attrs }) }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return found;
}

const ALLOWED = new Set(ALLOWED_TAGS);
/** Elements that can run code, load content or submit data: never allowed. */
const DANGEROUS = [
  "script",
  "style",
  "iframe",
  "frame",
  "object",
  "embed",
  "img",
  "svg",
  "math",
  "form",
  "input",
  "link",
  "meta",
  "base",
];

describe("forum Markdown sanitiser", () => {
  it("allows no element that can run code, load content or submit data", () => {
    for (const name of DANGEROUS) expect(ALLOWED.has(name), name).toBe(false);
  });

  it.each(PAYLOADS)("neutralises %s", (payload) => {
    for (const el of elements(renderMarkdown(payload))) {
      expect(ALLOWED.has(el.name), el.name).toBe(true);
      for (const [name, value] of Object.entries(el.attrs)) {
        expect(["href", "title", "rel", "target", "class", "start"], name).toContain(name);
        if (name === "href")
          expect(value.replace(/[\s\u0000-\u001f]/g, "")).toMatch(/^(https?:\/\/|mailto:|\/(?!\/)|#)/i);
      }
      if (el.name === "a") expect(el.attrs.rel).toContain("nofollow ugc");
    }
  });

  it("the allow-list alone strips what a renderer might let through", () => {
    expect(sanitize('<p onclick="x()">a</p><script>b</script>')).toBe("<p>a</p>&lt;script&gt;b&lt;/script&gt;");
    expect(sanitize('<a href="javascript:alert(1)">x</a>')).toBe("<span>x</span>");
  });

  it("keeps ordinary formatting; links get rel nofollow ugc; headings start at level 2 and skip none", () => {
    const html = renderMarkdown(
      "# Тақырып\n\n## Бөлім\n\n#### Тармақ\n\n**қалың** _курсив_ [сайт](https://edu.gov.kz) `код`\n\n> цитата\n\n- бір\n- екі",
    );
    expect(html).toContain("<h2>Тақырып</h2>");
    expect(html).toContain("<h3>Бөлім</h3>");
    expect(html).toContain("<h5>Тармақ</h5>");
    // a text that starts at "##" starts at h2 all the same
    expect(renderMarkdown("## Мақсаты\n\n### Кезеңдер")).toBe("<h2>Мақсаты</h2>\n<h3>Кезеңдер</h3>\n");
    expect(html).toContain("<strong>қалың</strong>");
    expect(html).toContain('<a href="https://edu.gov.kz" rel="nofollow ugc noopener" target="_blank">сайт</a>');
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<li>бір</li>");
  });

  it("a dropped link keeps its text", () => {
    expect(renderMarkdown("[мәтін](javascript:alert(1))")).toBe("<p><span>мәтін</span></p>\n");
  });

  it("finds mentions outside code and counts links", () => {
    expect(mentionsOf("Сәлем @teacher2 және @Parent, бірақ `@code` емес")).toEqual(["teacher2", "parent"]);
    expect(renderMarkdown("hi @teacher")).toContain('<span class="mention">@teacher</span>');
    expect(linkCount("[a](https://a.kz) https://b.kz текст")).toBe(2);
    expect(plainText("**Қалың** <b>x</b>")).toBe("Қалың <b>x</b>");
  });
});
