import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { ratingsOpenApi } from "@/lib/ratings/openapi";

/** The OpenAPI description of `/api/v1/ratings`, generated from the request and response schemas (no database). */
export const GET = route({
  access: "public",
  handler: () => NextResponse.json(ratingsOpenApi(), { headers: { "cache-control": "public, max-age=3600" } }),
});
