import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { clientAddress } from "@/lib/http/client";
import { defineLimit, enforce } from "@/lib/rate-limit";
import { verifyCertificate } from "@/lib/services/certificates";
import { certificateJson } from "@/lib/services/certificates-api";
import { verifyQuery } from "@/lib/services/schemas";

export const dynamic = "force-dynamic";

/** Checks from one address: enough for an integrator's queue, too few to walk the code space. */
const VERIFY_API = defineLimit("certificate-verify-api", 60, 60);

/**
 * `GET /api/v1/services/certificates/verify?q=SC-…` (or the QR code's verification code): the certificate's
 * number, dates, class, school and the holder's initials when it is genuine; 404 when no such certificate
 * was issued; 400 when the text is neither a number nor a code. Described in
 * /api/v1/services/certificates/openapi.json.
 */
export const GET = route({
  access: "public",
  query: verifyQuery.extend({ locale: z.string().optional() }).strict(),
  handler: async ({ request, query, locale }) => {
    await enforce(VERIFY_API, clientAddress(request.headers));
    const verification = await verifyCertificate(query.q);
    return NextResponse.json(certificateJson(verification, locale), { headers: { "cache-control": "no-store" } });
  },
});
