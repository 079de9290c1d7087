import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { certificatePdf } from "@/lib/services/certificates";

export const dynamic = "force-dynamic";

/** The PDF of a certificate, for its owner only (the requester, the holder or the holder's guardian). */
export const GET = route({
  permission: "services.apply",
  params: z.object({ id: z.string() }),
  handler: async ({ viewer, params }) => {
    const { number, pdf } = await certificatePdf(viewer, params.id);
    return new NextResponse(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${number}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
});
