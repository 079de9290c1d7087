import { Readable } from "node:stream";
import { z } from "zod";
import { route } from "@/lib/http";
import { openAttachment } from "@/lib/publications/attachments";

export const dynamic = "force-dynamic";

/**
 * Downloads an attachment by its id. Published material is public and cacheable (its bytes never change:
 * the store is addressed by content); unpublished material only for its author and editors, never cached.
 */
export const GET = route({
  access: "public",
  params: z.object({ id: z.string() }),
  handler: async ({ params, url, viewer }) => {
    const file = await openAttachment(await viewer(), params.id);
    const inline = file.mimeType.startsWith("image/") || url.searchParams.get("inline") === "1";
    const encoded = encodeURIComponent(file.fileName);
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_");
    return new Response(Readable.toWeb(file.stream) as ReadableStream, {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.size),
        "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encoded}`,
        "Cache-Control": file.public ? "public, max-age=3600" : "private, no-store",
        ETag: `"${file.sha256}"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
