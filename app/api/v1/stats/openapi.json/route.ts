import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { openApiDocument } from "@/lib/databank/openapi";

/** The OpenAPI description of `/api/v1/stats`, generated from the request and response schemas (no database). */
export const GET = route({
  access: "public",
  handler: () => NextResponse.json(openApiDocument(), { headers: { "cache-control": "public, max-age=3600" } }),
});
