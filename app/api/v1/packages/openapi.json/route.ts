import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { packagesOpenApi } from "@/lib/packages/openapi";

/** The OpenAPI description of the data package APIs, generated from the zod schemas of its parameters and answers (no database). */
export const GET = route({
  access: "public",
  handler: () => NextResponse.json(packagesOpenApi(), { headers: { "cache-control": "public, max-age=3600" } }),
});
