import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { certificatesOpenApi } from "@/lib/services/certificates-api";

/** The OpenAPI description of certificate verification, generated from the zod schemas of its parameters and answers (no database). */
export const GET = route({
  access: "public",
  handler: () => NextResponse.json(certificatesOpenApi(), { headers: { "cache-control": "public, max-age=3600" } }),
});
