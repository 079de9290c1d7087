import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { dictionaryOpenApi } from "@/lib/dictionary/openapi";

/** The OpenAPI description of the dictionary API, generated from the zod schemas of its parameters and answers (no database). */
export const GET = route({
  access: "public",
  handler: () => NextResponse.json(dictionaryOpenApi(), { headers: { "cache-control": "public, max-age=3600" } }),
});
