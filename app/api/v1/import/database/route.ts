import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { liveSourceInput, liveTables, readLiveSource } from "@/lib/import/live";

export const dynamic = "force-dynamic";

/**
 * A live MySQL/MariaDB or PostgreSQL source (ministry and region admins): `tables` lists what can be read;
 * `read` reads a table or one read-only SELECT into a stored snapshot and answers what the wizard shows
 * (as the upload does). The connection details in the body are used for this request only.
 */
export const POST = route({
  permission: "import.database",
  sameOrigin: true,
  body: liveSourceInput,
  handler: async ({ viewer, body }) => {
    const answer =
      body.action === "tables" ? { tables: await liveTables(viewer, body) } : await readLiveSource(viewer, body);
    return NextResponse.json(answer, { headers: { "cache-control": "no-store" } });
  },
});
