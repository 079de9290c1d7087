import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http";
import { getPackage } from "@/lib/packages/packages";

export const dynamic = "force-dynamic";

/** The original bytes of a stored package (administrators in scope); `?part=signature` the detached signature. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { viewer } = await authorize("packages.manage");
    const row = await getPackage(viewer, (await params).id);
    const signature = new URL(request.url).searchParams.get("part") === "signature";
    const headers = {
      "cache-control": "private, no-store",
      "content-type": signature ? "text/plain; charset=utf-8" : "application/json",
      "content-disposition": `attachment; filename="${row.id}.${signature ? "sig" : "json"}"`,
    };
    return new NextResponse(signature ? `${row.signature}\n` : Buffer.from(row.bytes), { headers });
  } catch (error) {
    return errorResponse(error, request);
  }
}
