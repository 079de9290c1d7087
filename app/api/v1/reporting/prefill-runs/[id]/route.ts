import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { prefillRunOf } from "@/lib/reporting/prefill-region";

export const dynamic = "force-dynamic";

/** The progress of a region's prefill (its page polls it), for the administrators whose scope holds the region. */
export const GET = route({
  permission: "reporting.prefillRegion",
  params: z.object({ id: z.string().min(1).max(64) }),
  handler: async ({ viewer, params }) => {
    const run = await prefillRunOf(viewer, params.id);
    return NextResponse.json(
      {
        id: run.id,
        status: run.status,
        total: run.total,
        done: run.done,
        filled: run.filled,
        skipped: run.skipped,
        keptCells: run.keptCells,
      },
      { headers: { "cache-control": "private, no-store" } },
    );
  },
});
