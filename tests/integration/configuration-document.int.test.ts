import { beforeAll, describe, expect, it, vi } from "vitest";
import { PDFDocument } from "pdf-lib";
import { translator } from "@/lib/http";
import { loadViewer } from "@/lib/auth/access";
import { saveAttributeDefinition } from "@/lib/registry/attributes";
import { attributeDefinitionInput } from "@/lib/registry/attribute-schemas";
import { adminDocument, publicDocument } from "@/lib/configuration/document";
import { renderHtml, renderPdf } from "@/lib/configuration/document-render";

// Outside Next.js there is no data cache; the public route reads no session.
vi.mock("next/cache", () => ({
  unstable_cache: <F>(fn: F) => fn,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  refresh: () => undefined,
}));
vi.mock("@/lib/auth/viewer", () => ({
  getViewer: async () => null,
  authorize: async () => {
    throw new Error("no session in these tests");
  },
}));

const { GET: definitions } = await import("@/app/api/v1/open-data/definitions/document/route");
const call = (query: string) =>
  definitions(new Request(`http://localhost/api/v1/open-data/definitions/document?${query}`), {
    params: Promise.resolve({}),
  });

beforeAll(async () => {
  const viewer = (await loadViewer("u_ministry"))!;
  await saveAttributeDefinition(
    viewer,
    attributeDefinitionInput.parse({
      code: "hasSportsHall",
      nameKk: "Спорт залы бар",
      nameRu: "Есть спортзал <зал>",
      nameEn: "Has a sports hall",
      type: "BOOLEAN",
    }),
  );
});

describe("the configuration as one document", () => {
  it("holds every section, the rules in words, the new attribute and its change history", async () => {
    const doc = await adminDocument("ru", translator("ru"));
    expect(doc.lang).toBe("ru");
    const headings = doc.blocks.filter((b) => b.kind === "h2").map((b) => (b as { id?: string }).id);
    expect(headings).toEqual([
      "forms",
      "indicators",
      "classifiers",
      "processes",
      "attributes",
      "permissions",
      "ratings",
    ]);
    const tables = doc.blocks.flatMap((b) => (b.kind === "table" ? [b] : []));
    const rules = tables.find((b) => b.head.includes(translator("ru")("admin.configuration.words.inWords")));
    expect(rules?.rows.length).toBeGreaterThan(0);
    // the words are generated from the expression, with the cells' labels, not the expression itself
    expect(rules!.rows.every((r) => r[1] !== r[2])).toBe(true);
    expect(rules!.rows.some((r) => /«.+»/.test(r[1]!))).toBe(true);
    const attributes = tables.find((b) => b.rows.some((r) => r[0] === "hasSportsHall"));
    expect(attributes?.rows[0]).toEqual(expect.arrayContaining(["hasSportsHall", "Есть спортзал <зал>"]));
    const history = tables.filter((b) => b.caption === translator("ru")("admin.configuration.history.section"));
    expect(history.some((b) => b.rows.some((r) => r[2]!.includes("AttributeDefinition")))).toBe(true);
    expect(tables.find((b) => b.rows.some((r) => r[0] === "reporting.design"))).toBeTruthy();
  });

  it("is written as one self-contained, printable HTML page with everything escaped", async () => {
    const html = renderHtml(await adminDocument("en", translator("en")));
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<script|<link|src=/i);
    expect(html).toContain("hasSportsHall");
    expect(renderHtml({ lang: "ru", title: "T", subtitle: "", blocks: [{ kind: "p", text: "<b>&" }] })).toContain(
      "&lt;b&gt;&amp;",
    );
  });

  it("is written as a PDF with Kazakh letters", async () => {
    const bytes = await renderPdf(await adminDocument("kk", translator("kk")));
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThan(1);
    expect(pdf.getTitle()).toBe(translator("kk")("admin.configuration.title"));
  });

  it("the public part has no history, no permissions and no attributes", async () => {
    const doc = await publicDocument("en", translator("en"));
    const text = JSON.stringify(doc);
    expect(text).not.toContain("AttributeDefinition");
    expect(text).not.toContain("reporting.design");
    expect(text).not.toContain("hasSportsHall");
    expect(doc.blocks.filter((b) => b.kind === "h2")).toHaveLength(3);
  });

  it("the public route answers HTML or PDF to anyone, and refuses an unknown format naming the parameter", async () => {
    const html = await call("locale=ru&format=html");
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(html.headers.get("content-disposition")).toMatch(
      /attachment; filename="definitions-\d{4}-\d{2}-\d{2}\.html"/,
    );
    expect(await html.text()).toContain('<html lang="ru">');
    const pdf = await call("format=pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bad = await call("format=docx&locale=en");
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("badRequest");
    expect(error.message).toContain("format");
  });
});
