import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http";
import { certificatePdf } from "@/lib/services/certificates";

export const dynamic = "force-dynamic";

/** The PDF of a certificate, for its owner only (the requester, the holder or the holder's guardian). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { viewer } = await authorize("services.apply");
    const { id } = await params;
    const { number, pdf } = await certificatePdf(viewer, id, new URL(request.url).origin);
    return new NextResponse(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${number}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
