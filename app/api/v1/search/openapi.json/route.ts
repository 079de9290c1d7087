import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { searchOpenApi } from "@/lib/search/openapi";

/** The OpenAPI description of the search APIs, generated from the zod schemas of its parameters and answers (no database). */
export const GET = route({
  access: "public",
  handler: () => NextResponse.json(searchOpenApi(), { headers: { "cache-control": "public, max-age=3600" } }),
});
