/**
 * The request and response schemas of `GET /api/v1/ratings` and its OpenAPI 3.1 description, generated from
 * these zod schemas and the indicator catalogue. Pure module.
 */
import { z } from "zod";
import { errorAnswer, jsonSchema, localeParameter, openApiDocumentOf } from "../openapi";
import { AGGREGATIONS, DIRECTIONS, LEVELS, MISSING_POLICIES, NORMALISATIONS, RATING_INDICATORS } from "./catalogue";

export const ratingsQuery = z.object({
  method: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  format: z.enum(["json", "csv", "xlsx"]).default("json"),
  locale: z.enum(["kk", "ru", "en"]).default("kk"),
});
export type RatingsQuery = z.infer<typeof ratingsQuery>;

const indicatorCode = z.enum(RATING_INDICATORS);
/** Values by indicator: only the indicators of the rating's method version (and, for `imputed`, only imputed ones). */
const byIndicator = (value: z.ZodType) => z.partialRecord(indicatorCode, value);
const territory = z.object({ code: z.string(), name: z.string() });

/** `GET /api/v1/ratings`: the published ratings. */
export const ratingsListAnswer = z.object({
  ratings: z.array(
    z.object({
      method: z.string(),
      level: z.enum(LEVELS),
      name: z.string(),
      territory,
      years: z.array(z.number().int()),
    }),
  ),
});

/** `GET /api/v1/ratings?method=…`: one rating with its method version, inputs, results and sensitivity. */
export const ratingAnswer = z.object({
  method: z.string(),
  level: z.enum(LEVELS),
  name: z.string(),
  territory,
  year: z.number().int(),
  publishedAt: z.string(),
  version: z.object({
    number: z.number().int(),
    aggregation: z.enum(AGGREGATIONS),
    indicators: z.array(
      z.object({
        code: indicatorCode,
        direction: z.enum(DIRECTIONS),
        normalisation: z.enum(NORMALISATIONS),
        missing: z.enum(MISSING_POLICIES),
        weight: z.number(),
      }),
    ),
    approvalOrder: z.string().nullable(),
    approvedOn: z.string().nullable(),
    publishedAt: z.string().nullable(),
  }),
  sensitivity: z.object({
    draws: z.number().int(),
    spread: z.number(),
    seed: z.number().int(),
    robustWidth: z.number().int(),
  }),
  entities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      rank: z.number().int().nullable(),
      previousRank: z.number().int().nullable(),
      score: z.number().nullable(),
      interval: z.object({
        p5: z.number().int().nullable(),
        p95: z.number().int().nullable(),
        min: z.number().int().nullable(),
        max: z.number().int().nullable(),
      }),
      robust: z.boolean(),
      inputs: byIndicator(z.number().nullable()),
      normalised: byIndicator(z.number()),
      contributions: byIndicator(z.number()),
      imputed: byIndicator(z.enum(["mean", "zero"])),
    }),
  ),
});

export const ratingsErrorAnswer = errorAnswer(["badRequest", "notFound"]);

export function ratingsOpenApi(): Record<string, unknown> {
  const shape = ratingsQuery.shape;
  const parameters = [
    {
      name: "method",
      in: "query",
      required: false,
      description: "Code of a published rating; without it the list of published ratings.",
      schema: jsonSchema(shape.method, "input"),
    },
    {
      name: "year",
      in: "query",
      required: false,
      description: "Year of the rating; the latest when omitted.",
      schema: jsonSchema(z.number().int().min(1990).max(2100), "input"),
    },
    { name: "format", in: "query", required: false, schema: jsonSchema(shape.format, "input") },
    localeParameter,
  ];
  const error = { "application/json": { schema: jsonSchema(ratingsErrorAnswer) } };
  return openApiDocumentOf(
    {
      title: "ЕИСО open ratings API",
      description: "Published ratings with their method version, frozen inputs, results and sensitivity intervals.",
    },
    {
      "/api/v1/ratings": {
        get: {
          operationId: "getRatings",
          summary: "The published ratings, or one rating with all its inputs",
          parameters,
          responses: {
            "200": {
              description: "The list (without method) or the rating",
              content: {
                "application/json": { schema: { oneOf: [jsonSchema(ratingsListAnswer), jsonSchema(ratingAnswer)] } },
                "text/csv": { schema: { type: "string" } },
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                  schema: { type: "string", contentMediaType: "application/octet-stream" },
                },
              },
            },
            "400": { description: "A parameter is malformed (the message names it)", content: error },
            "404": { description: "No such published rating or year", content: error },
          },
        },
      },
    },
  );
}
