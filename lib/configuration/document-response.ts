/**
 * The downloadable configuration document as an HTTP answer (issue 27): `format=html` (default) a
 * self-contained printable page, `format=pdf` the same as PDF; named after the document and the day.
 */
import "server-only";
import { z } from "zod";
import { almatyDate } from "../format";
import { renderHtml, renderPdf, type DocumentModel } from "./document-render";

export const documentQuery = z.object({
  format: z.enum(["html", "pdf"], { message: "validation.invalidOption" }).default("html"),
});

export async function documentResponse(doc: DocumentModel, name: string, format: "html" | "pdf"): Promise<Response> {
  const file = `${name}-${almatyDate(new Date())}.${format}`;
  const disposition = `attachment; filename="${file}"`;
  if (format === "pdf")
    return new Response(Buffer.from(await renderPdf(doc)), {
      headers: { "content-type": "application/pdf", "content-disposition": disposition, "cache-control": "no-store" },
    });
  return new Response(renderHtml(doc), {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-disposition": disposition,
      "cache-control": "no-store",
      // the document carries its own styles and no scripts: nothing else may run or load from it
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
