import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import { z } from "zod";
import { route } from "@/lib/http";
import { backupFile } from "@/lib/archive/service";

export const dynamic = "force-dynamic";

/** Download of a finished backup (archive.manage). */
export const GET = route({
  permission: "archive.manage",
  params: z.object({ id: z.string() }),
  handler: async ({ viewer, params }) => {
    const { path, fileName } = await backupFile(viewer, params.id);
    return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, {
      headers: {
        "content-type": "application/gzip",
        "content-length": String(statSync(path).size),
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  },
});
