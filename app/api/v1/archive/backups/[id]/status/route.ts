import { NextResponse } from "next/server";
import { z } from "zod";
import { auth } from "@/lib/auth/config";
import { authorize } from "@/lib/auth/viewer";
import { route } from "@/lib/http";
import { exportStatus, ownExportProgress } from "@/lib/archive/service";

export const dynamic = "force-dynamic";

/**
 * The state of an export job (archive.manage), polled by the backups page. The user who started a running
 * export gets its progress from the session alone: on the embedded database the export holds the database
 * until it ends, so the permission (which reads the database) is checked only for the others.
 */
export const GET = route({
  access: "public",
  params: z.object({ id: z.string() }),
  handler: async ({ params }) => {
    const session = await auth();
    const own = ownExportProgress(session?.user?.id, params.id);
    const status = own ?? (await exportStatus((await authorize("archive.manage")).viewer, params.id));
    return NextResponse.json(status, { headers: { "cache-control": "private, no-store" } });
  },
});
