import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { PUBLIC_LIMITS } from "@/lib/rate-limit/public";
import { verifyCertificate } from "@/lib/services/certificates";
import { certificateJson } from "@/lib/services/certificates-api";
import { verifyQuery } from "@/lib/services/schemas";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/services/certificates/verify?q=<code>` (the QR code's verification code, or the number with
 * the code): the certificate's number, validity, class, school and the holder's initials when it is genuine;
 * 404 when no such certificate was issued; 400 for a number alone or text that is neither. Described in
 * /api/v1/services/certificates/openapi.json.
 */
export const GET = route({
  access: "public",
  rateLimit: PUBLIC_LIMITS.certificateVerify,
  query: verifyQuery.extend({ locale: z.string().optional() }).strict(),
  handler: async ({ query, locale }) => {
    const verification = await verifyCertificate(query.q);
    return NextResponse.json(certificateJson(verification, locale), { headers: { "cache-control": "no-store" } });
  },
});
