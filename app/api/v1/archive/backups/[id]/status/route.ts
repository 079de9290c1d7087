import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/config";
import { authorize } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http";
import { exportStatus, ownExportProgress } from "@/lib/archive/service";

export const dynamic = "force-dynamic";

/**
 * The state of an export job (archive.manage), polled by the backups page. The user who started a running
 * export gets its progress from the session alone: on the embedded database the export holds the database
 * until it ends.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const session = await auth();
    const own = ownExportProgress(session?.user?.id, id);
    const status = own ?? (await exportStatus((await authorize("archive.manage")).viewer, id));
    return NextResponse.json(status, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
