import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { inspectSource, storeSource } from "@/lib/import/runs";
import { targetName } from "@/lib/import/schemas";

export const dynamic = "force-dynamic";

/**
 * Upload of an import source: the file's bytes as the request body (streamed into the file store, hashed and
 * size-limited), its name and the target in the query. Answers the stored source's reference and what the
 * wizard shows: detected encoding, separator or sheets, columns, the first rows, a suggested mapping.
 */
export const POST = route({
  permission: "import.use",
  sameOrigin: true,
  query: z.object({ name: z.string().trim().min(1).max(200), target: targetName, locale: z.string().optional() }),
  handler: async ({ request, viewer, query }) => {
    if (!request.body) throw new AppError("validation", { file: "files.empty" });
    const sha = await storeSource(Readable.fromWeb(request.body as import("node:stream/web").ReadableStream));
    const ref = { target: query.target, sourceName: query.name, sourceSha256: sha, options: {} };
    const inspected = await inspectSource(viewer, ref);
    return NextResponse.json({ ref, ...inspected }, { headers: { "cache-control": "no-store" } });
  },
});
