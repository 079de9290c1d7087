import { NextResponse } from "next/server";
import { ratingsOpenApi } from "@/lib/ratings/openapi";

/** The OpenAPI description of `/api/v1/ratings`, generated from the request schema (no database). */
export function GET() {
  return NextResponse.json(ratingsOpenApi(), { headers: { "cache-control": "public, max-age=3600" } });
}
