import { route, translator } from "@/lib/http";
import { adminDocument } from "@/lib/configuration/document";
import { documentQuery, documentResponse } from "@/lib/configuration/document-response";

export const dynamic = "force-dynamic";

/** The whole configuration's documentation (as /admin/configuration shows it) as one HTML or PDF file. */
export const GET = route({
  permission: "admin.access",
  query: documentQuery,
  handler: async ({ query, locale }) =>
    documentResponse(await adminDocument(locale, translator(locale)), "configuration", query.format),
});
