import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { getPackage } from "@/lib/packages/packages";

export const dynamic = "force-dynamic";

/** The original bytes of a stored package (administrators in scope); `?part=signature` the detached signature. */
export const GET = route({
  permission: "packages.manage",
  params: z.object({ id: z.string() }),
  handler: async ({ viewer, params, url }) => {
    const row = await getPackage(viewer, params.id);
    const signature = url.searchParams.get("part") === "signature";
    const headers = {
      "cache-control": "private, no-store",
      "content-type": signature ? "text/plain; charset=utf-8" : "application/json",
      "content-disposition": `attachment; filename="${row.id}.${signature ? "sig" : "json"}"`,
    };
    return new NextResponse(signature ? `${row.signature}\n` : Buffer.from(row.bytes), { headers });
  },
});
