import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { courseCertificatePdf } from "@/lib/staff/courses";

export const dynamic = "force-dynamic";

/**
 * The PDF of a course certificate in the request's `locale`: for its holder, the administrators whose scope
 * holds the holder's organisation, and the course's provider (the scope is in the query's WHERE).
 */
export const GET = route({
  access: "signedIn",
  params: z.object({ id: z.string().min(1).max(60) }),
  handler: async ({ viewer, params, locale }) => {
    const { number, pdf } = await courseCertificatePdf(viewer, params.id, locale);
    return new NextResponse(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${number}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
});
