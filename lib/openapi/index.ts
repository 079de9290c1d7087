/**
 * Helpers of the OpenAPI 3.1 documents of the public APIs (stats, ratings, dictionary, search, packages,
 * certificate verification — each module's openapi.ts): JSON Schemas derived from the zod schemas that
 * validate requests and describe responses, the shared error answer, and the document's frame with the
 * public origin as its server. Pure apart from reading PUBLIC_URL.
 */
import { z } from "zod";
import { publicOrigin, publicUrl } from "../env";

/** Every public API document, by its URL (listed on /open-data). */
export const OPENAPI_DOCUMENTS = [
  { key: "stats", path: "/api/v1/stats/openapi.json" },
  { key: "ratings", path: "/api/v1/ratings/openapi.json" },
  { key: "dictionary", path: "/api/v1/dictionary/openapi.json" },
  { key: "search", path: "/api/v1/search/openapi.json" },
  { key: "packages", path: "/api/v1/packages/openapi.json" },
  { key: "certificates", path: "/api/v1/services/certificates/openapi.json" },
] as const;

/**
 * An OpenAPI 3.1 document: the portal's public origin as its server, every operation with an operationId
 * (checked here, so a document without one fails its tests).
 */
export function openApiDocumentOf(
  info: { title: string; description: string; version?: string },
  paths: Record<string, Record<string, Record<string, unknown>>>,
): Record<string, unknown> {
  for (const [path, operations] of Object.entries(paths))
    for (const [method, operation] of Object.entries(operations))
      if (typeof operation.operationId !== "string") throw new Error(`${method.toUpperCase()} ${path}: no operationId`);
  return {
    openapi: "3.1.0",
    info: { version: "1", ...info },
    servers: [{ url: publicOrigin(), description: "ЕИСО" }],
    externalDocs: { url: publicUrl("/kk/open-data") },
    paths,
  };
}

/** A JSON answer of a response object. */
export function jsonContent(schema: z.ZodType, description: string) {
  return { description, content: { "application/json": { schema: jsonSchema(schema) } } };
}

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
