import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { startRun } from "@/lib/import/runs";
import { mappedSource } from "@/lib/import/schemas";

export const dynamic = "force-dynamic";

/** Queues a run of a stored source with a mapping; the job runner writes it. Answers the run's id. */
export const POST = route({
  permission: "import.use",
  sameOrigin: true,
  body: mappedSource,
  handler: async ({ viewer, body }) => NextResponse.json(await startRun(viewer, body), { status: 201 }),
});
