import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { cancelRun, rollbackRun, runById } from "@/lib/import/runs";
import type { ImportTargetName } from "@/lib/import/targets";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(40) });

/** A run's progress and counts (polled by its page: survives a reload). */
export const GET = route({
  permission: "import.use",
  params,
  handler: async ({ viewer, params }) => {
    const run = await runById(viewer, params.id);
    return NextResponse.json(
      {
        id: run.id,
        status: run.status,
        rowsDone: run.rowsDone,
        counts: {
          new: run.countNew,
          update: run.countUpdate,
          unchanged: run.countSame,
          duplicate: run.countDup,
          invalid: run.countInvalid,
        },
        startedAt: run.startedAt,
        heartbeatAt: run.heartbeatAt,
        finishedAt: run.finishedAt,
        error: run.error,
      },
      { headers: { "cache-control": "no-store" } },
    );
  },
});

/** Cancels a queued or running run, or rolls a finished one back (answers what was removed, restored and kept). */
export const POST = route({
  permission: "import.use",
  sameOrigin: true,
  params,
  body: z.object({ action: z.enum(["cancel", "rollback"]) }),
  handler: async ({ viewer, params, body }) => {
    const run = await runById(viewer, params.id);
    const target = run.target as ImportTargetName;
    if (body.action === "cancel") {
      await cancelRun(viewer, target, run.id);
      return NextResponse.json({ ok: true });
    }
    return NextResponse.json(await rollbackRun(viewer, target, run.id));
  },
});
