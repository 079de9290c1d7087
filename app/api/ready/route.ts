import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { readiness } from "@/lib/health";

export const dynamic = "force-dynamic";

/**
 * Readiness for the load balancer: 200 `{status:"ready",checks}` when the database answers, no migration is
 * pending and the search engine answers; otherwise 503 with the failing checks.
 */
export const GET = route({
  access: "public",
  handler: async () => {
    const { ready, checks, pending } = await readiness();
    return NextResponse.json(
      { status: ready ? "ready" : "unavailable", checks, ...(pending ? { pending } : {}) },
      { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } },
    );
  },
});
