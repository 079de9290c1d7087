/**
 * Helpers of the OpenAPI 3.1 documents of the public APIs (lib/ratings/openapi.ts, lib/databank/openapi.ts):
 * JSON Schemas derived from the zod schemas that validate requests and describe responses, and the shared
 * error answer. Pure module.
 */
import { z } from "zod";

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema: as a request sends it, or as a response is. */
export function jsonSchema(schema: z.ZodType, io: "input" | "output" = "output"): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  // the document's dialect is OpenAPI 3.1's own; a nested $schema is noise
  delete json.$schema;
  return json;
}

/** The one error answer of every route handler: `{ error: { code, message } }`. */
export function errorAnswer<C extends readonly [string, ...string[]]>(codes: C) {
  return z.object({ error: z.object({ code: z.enum(codes), message: z.string() }).loose() });
}

/** The `locale` parameter: the language of names and messages; any other value is a 400 naming it. */
export const localeParameter = {
  name: "locale",
  in: "query",
  required: false,
  description: "Language of names and messages; any other value answers 400.",
  schema: { ...jsonSchema(z.enum(["kk", "ru", "en"]), "input"), default: "kk" },
};
