import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { databaseReachable } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability: 200 `{status:"ok",database:"ok"}`, or 503 naming the failing part. */
export const GET = route({
  access: "public",
  handler: async () => {
    const headers = { "cache-control": "no-store" };
    if (await databaseReachable()) return NextResponse.json({ status: "ok", database: "ok" }, { headers });
    return NextResponse.json({ status: "degraded", database: "unavailable" }, { status: 503, headers });
  },
});
