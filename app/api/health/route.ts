import { NextResponse } from "next/server";
import { database } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability: 200 `{status:"ok",database:"ok"}`, or 503 naming the failing part. */
export async function GET() {
  try {
    await database().raw.query("SELECT 1");
    return NextResponse.json({ status: "ok", database: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return NextResponse.json(
      { status: "degraded", database: "unavailable" },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
