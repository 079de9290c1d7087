import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { storedReceipt } from "@/lib/packages/receive";

export const dynamic = "force-dynamic";

/** The stored receipt of a delivered package (R35), by its package id. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const receipt = await storedReceipt((await params).id);
    if (!receipt) throw new AppError("notFound");
    return NextResponse.json(receipt, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
