/**
 * The OpenAPI 3.1 description of the search APIs (`GET /api/v1/search`, `GET /api/v1/search/suggest`),
 * generated from the zod schemas that validate their parameters (lib/search/service.ts, the suggest route's
 * own) and describe their answers (lib/search/api.ts).
 */
import { z } from "zod";
import { errorAnswer, jsonContent, jsonSchema, localeParameter, openApiDocumentOf } from "../openapi";
import { searchAnswer, suggestAnswer } from "./api";
import { searchParamsSchema, suggestQuery } from "./params";

export const searchErrorAnswer = errorAnswer(["badRequest"]);

const param = (name: string, schema: z.ZodType, description: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: jsonSchema(schema, "input"),
});

export function searchOpenApi(): Record<string, unknown> {
  const shape = searchParamsSchema.shape;
  const error = jsonContent(searchErrorAnswer, "A parameter is unknown or malformed (the message names it)");
  return openApiDocumentOf(
    {
      title: "ЕИСО search API",
      description:
        "One search across the portal's public documents (what a signed-in caller may see besides comes from the session). Matches in snippets are given as offsets and as <mark> in HTML, never as control characters.",
    },
    {
      "/api/v1/search": {
        get: {
          operationId: "search",
          summary: "Documents matching the words, with facets",
          parameters: [
            param("q", shape.q, "The words (Cyrillic or Latin Kazakh, Russian, English)."),
            param("type", shape.type.unwrap(), "Only documents of this type."),
            param("language", shape.language.unwrap(), "Only documents in this language."),
            param("region", shape.region.unwrap(), "Only documents of this region (territory code)."),
            param("subject", shape.subject.unwrap(), "Only documents of this subject."),
            param("page", shape.page, "Page of ten hits (default 1)."),
            localeParameter,
          ],
          responses: { "200": jsonContent(searchAnswer, "Hits and facets"), "400": error },
        },
      },
      "/api/v1/search/suggest": {
        get: {
          operationId: "suggest",
          summary: "Up to eight titles for a search box as the user types",
          parameters: [
            param("q", suggestQuery.shape.q, "What has been typed (two letters at least)."),
            localeParameter,
          ],
          responses: { "200": jsonContent(suggestAnswer, "Suggestions, in the asked locale"), "400": error },
        },
      },
    },
  );
}
