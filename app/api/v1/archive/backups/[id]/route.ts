import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import { authorize } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http";
import { backupFile } from "@/lib/archive/service";

export const dynamic = "force-dynamic";

/** Download of a finished backup (archive.manage). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { viewer } = await authorize("archive.manage");
    const { path, fileName } = await backupFile(viewer, (await params).id);
    return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, {
      headers: {
        "content-type": "application/gzip",
        "content-length": String(statSync(path).size),
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
