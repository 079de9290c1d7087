import { route, translator } from "@/lib/http";
import { publicDocument } from "@/lib/configuration/document";
import { documentQuery, documentResponse } from "@/lib/configuration/document-response";
import { PUBLIC_LIMITS } from "@/lib/rate-limit/public";

export const dynamic = "force-dynamic";

/** The definitions of the open data (as /open-data/definitions shows them) as one HTML or PDF file. */
export const GET = route({
  access: "public",
  rateLimit: PUBLIC_LIMITS.definitionsDocument,
  query: documentQuery,
  handler: async ({ query, locale }) =>
    documentResponse(await publicDocument(locale, translator(locale)), "definitions", query.format),
});
