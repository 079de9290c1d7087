import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/databank/openapi";

/** The OpenAPI description of `/api/v1/stats`, generated from the request schemas (no database). */
export function GET() {
  return NextResponse.json(openApiDocument(), { headers: { "cache-control": "public, max-age=3600" } });
}
