/**
 * The request schema of `GET /api/v1/ratings` and its OpenAPI 3.1 description, generated from the same zod
 * schemas that validate requests and from the indicator catalogue. Pure module.
 */
import { z } from "zod";
import { AGGREGATIONS, DIRECTIONS, LEVELS, MISSING_POLICIES, NORMALISATIONS, RATING_INDICATORS } from "./catalogue";

export const ratingsQuery = z.object({
  method: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  format: z.enum(["json", "csv"]).default("json"),
  locale: z.enum(["kk", "ru", "en"]).default("kk"),
});
export type RatingsQuery = z.infer<typeof ratingsQuery>;

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const indicatorCode = z.enum(RATING_INDICATORS);
const values = (value: z.ZodType) => z.record(indicatorCode, value);

export function ratingsOpenApi(): Record<string, unknown> {
  const shape = ratingsQuery.shape;
  const parameters = [
    {
      name: "method",
      in: "query",
      required: false,
      schema: {
        ...json(shape.method),
        description: "Code of a published rating; without it the list of published ratings.",
      },
    },
    {
      name: "year",
      in: "query",
      required: false,
      schema: {
        ...json(z.number().int().min(1990).max(2100)),
        description: "Year of the rating; the latest when omitted.",
      },
    },
    { name: "format", in: "query", required: false, schema: { ...json(z.enum(["json", "csv"])), default: "json" } },
    { name: "locale", in: "query", required: false, schema: { ...json(z.enum(["kk", "ru", "en"])), default: "kk" } },
  ];
  const list = z.object({
    ratings: z.array(
      z.object({
        method: z.string(),
        level: z.enum(LEVELS),
        name: z.string(),
        territory: z.object({ code: z.string(), name: z.string() }),
        years: z.array(z.number().int()),
      }),
    ),
  });
  const rating = z.object({
    method: z.string(),
    level: z.enum(LEVELS),
    name: z.string(),
    territory: z.object({ code: z.string(), name: z.string() }),
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
        inputs: values(z.number().nullable()),
        normalised: values(z.number()),
        contributions: values(z.number()),
        imputed: values(z.enum(["mean", "zero"])),
      }),
    ),
  });
  const error = z.object({ error: z.object({ code: z.enum(["badRequest", "notFound"]), message: z.string() }) });
  return {
    openapi: "3.1.0",
    info: {
      title: "ЕИСО open ratings API",
      version: "1",
      description: "Published ratings with their method version, frozen inputs, results and sensitivity intervals.",
    },
    paths: {
      "/api/v1/ratings": {
        get: {
          summary: "The published ratings, or one rating with all its inputs",
          parameters,
          responses: {
            "200": {
              description: "The list (without method) or the rating",
              content: {
                "application/json": { schema: { oneOf: [json(list), json(rating)] } },
                "text/csv": { schema: { type: "string" } },
              },
            },
            "400": {
              description: "A parameter is malformed",
              content: { "application/json": { schema: json(error) } },
            },
            "404": {
              description: "No such published rating or year",
              content: { "application/json": { schema: json(error) } },
            },
          },
        },
      },
    },
  };
}
