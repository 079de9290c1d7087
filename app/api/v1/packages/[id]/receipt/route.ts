import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { storedReceipt } from "@/lib/packages/receive";

export const dynamic = "force-dynamic";

/** The stored receipt of a delivered package (R35), by its package id. Public: a receipt holds no personal data. */
export const GET = route({
  access: "public",
  params: z.object({ id: z.string() }),
  handler: async ({ params }) => {
    const receipt = await storedReceipt(params.id);
    if (!receipt) throw new AppError("notFound");
    return NextResponse.json(receipt, { headers: { "cache-control": "no-store" } });
  },
});
