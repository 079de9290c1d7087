import { NextResponse } from "next/server";
import { Readable } from "node:stream";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { attachFile, letterFile } from "@/lib/letters/letters";
import { MAX_FILE_BYTES } from "@/lib/letters/rules";
import { blobStore } from "@/lib/files/store";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string() });

/** The letter's file (readers of the register in scope), as an attachment with its original name. */
export const GET = route({
  permission: "letters.read",
  params,
  handler: async ({ viewer, params }) => {
    const file = await letterFile(viewer, params.id);
    const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    const stream = await blobStore().read(file.sha256);
    if (!stream) throw new AppError("notFound");
    return new NextResponse(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "cache-control": "private, no-store",
        "content-type": file.type,
        "x-content-type-options": "nosniff",
        ...(file.size !== null ? { "content-length": String(file.size) } : {}),
        "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      },
    });
  },
});

/**
 * Attaches a file: the request body is the file itself (streamed into the store, never held in memory),
 * `?version=` the letter version the person saw and `?name=` the original file name. Answers
 * `{ version }`, or `{ error: { code, message } }` with the reason (type 415, size 413, stale, scope).
 */
export const PUT = route({
  permission: "letters.manage",
  sameOrigin: true,
  params,
  query: z.object({ version: z.coerce.number().int().min(1), name: z.string().max(300).default("") }),
  handler: async ({ request, viewer, params, query }) => {
    // Refused before reading when the request announces more than the limit.
    if (Number(request.headers.get("content-length") ?? "0") > MAX_FILE_BYTES)
      throw new AppError("validation", { file: "files.tooLarge" }, { max: MAX_FILE_BYTES / 1024 / 1024 });
    if (!request.body) throw new AppError("validation", { file: "letters.fileMissing" }, {}, { status: 415 });
    const saved = await attachFile(viewer, {
      id: params.id,
      version: query.version,
      name: query.name,
      body: request.body,
    });
    return NextResponse.json(saved, { headers: { "cache-control": "no-store" } });
  },
});
