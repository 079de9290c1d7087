/**
 * The response schema of the open data API (`GET /api/v1/stats`) and its OpenAPI 3.1 description, generated
 * from it and from the same zod schemas and enums that validate the requests (lib/databank/catalogue.ts,
 * params.ts). Pure module.
 */
import { z } from "zod";
import { errorAnswer, jsonSchema, localeParameter, openApiDocumentOf } from "../openapi";
import {
  OPEN_DIMENSIONS,
  INDICATORS,
  MAX_LIMIT,
  MEASURES,
  openDimensionEnum,
  indicatorEnum,
  measureEnum,
} from "./catalogue";
import { DEFAULT_LIMIT, FILTERS, FORMATS, MAX_DIMENSIONS, filterSchemas } from "./params";

const json = (schema: z.ZodType) => jsonSchema(schema, "input");
const commaList = (item: z.ZodType, description: string) => ({
  ...json(z.string()),
  description: `${description} Comma-separated list of: ${JSON.stringify(json(item))}`,
});

/** One cell: the dimension values (`region`, `regionName`, …), the figure and whether it was suppressed. */
const statsCell = z
  .object({
    value: z.number().nullable(),
    suppressed: z.boolean(),
    organizations: z.number().int(),
    preliminary: z.boolean().describe("The figure's year is still open: reports are being accepted, it may change."),
  })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** `GET /api/v1/stats` as JSON. */
export const statsAnswer = z.object({
  indicators: z.array(indicatorEnum),
  dimensions: z.array(openDimensionEnum),
  measure: measureEnum,
  years: z.array(z.number().int()).describe("Without a year filter: the last complete year (every year with by=year)."),
  preliminary: z.array(z.number().int()).describe("Those of the years whose reporting periods are still open."),
  preliminaryNote: z.string().optional(),
  count: z.number().int(),
  truncated: z.boolean(),
  suppression: z.object({ threshold: z.string(), note: z.string() }),
  cells: z.array(statsCell),
});

export const statsErrorAnswer = errorAnswer(["badRequest"]);

export function openApiDocument(): Record<string, unknown> {
  const parameters = [
    {
      name: "indicator",
      in: "query",
      required: false,
      schema: commaList(indicatorEnum, `Indicators (default students): ${INDICATORS.join(", ")}.`),
    },
    {
      name: "by",
      in: "query",
      required: false,
      schema: commaList(
        openDimensionEnum,
        `Grouping dimensions, at most ${MAX_DIMENSIONS}: ${OPEN_DIMENSIONS.join(", ")}.`,
      ),
    },
    {
      name: "measure",
      in: "query",
      required: false,
      schema: { ...json(measureEnum), default: "sum", description: MEASURES.join(", ") },
    },
    ...FILTERS.map((f) => ({
      name: f,
      in: "query",
      required: false,
      schema: commaList(filterSchemas[f], `Filter on ${f}.`),
    })),
    { name: "format", in: "query", required: false, schema: { ...json(z.enum(FORMATS)), default: "json" } },
    {
      name: "limit",
      in: "query",
      required: false,
      schema: { ...json(z.number().int().min(1).max(MAX_LIMIT)), default: DEFAULT_LIMIT },
    },
    localeParameter,
  ];
  return openApiDocumentOf(
    {
      title: "ЕИСО open data API",
      description:
        "Public figures of the data bank (accepted statistical reports), with small cells suppressed. Without a year, the last complete year; a year whose reports are still being accepted is marked preliminary.",
    },
    {
      "/api/v1/stats": {
        get: {
          operationId: "getStats",
          summary: "Figures of the data bank grouped by dimensions",
          parameters,
          responses: {
            "200": {
              description: "Figures",
              content: {
                "application/json": { schema: jsonSchema(statsAnswer) },
                "text/csv": { schema: { type: "string" } },
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                  schema: { type: "string", contentMediaType: "application/octet-stream" },
                },
              },
            },
            "400": {
              description: "A parameter is unknown or out of range (the message names it)",
              content: { "application/json": { schema: jsonSchema(statsErrorAnswer) } },
            },
          },
        },
      },
    },
  );
}
