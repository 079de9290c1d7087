import { NextResponse } from "next/server";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { isLocale, routing } from "@/i18n/routing";
import { attachFile, letterFile } from "@/lib/letters/letters";
import { MAX_FILE_BYTES } from "@/lib/letters/rules";
import { Readable } from "node:stream";
import { blobStore } from "@/lib/files/store";
import { runtimeKeys } from "@/i18n/keys";

export const dynamic = "force-dynamic";

/** The letter's file (readers of the register in scope), as an attachment with its original name. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { viewer } = await authorize("letters.read");
    const file = await letterFile(viewer, (await params).id);
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
  } catch (error) {
    return errorResponse(error, request);
  }
}

const uploadQuery = z.object({ version: z.coerce.number().int().min(1), name: z.string().max(300).default("") });

/**
 * Attaches a file: the request body is the file itself (streamed into the store, never held in memory),
 * `?version=` the letter version the person saw and `?name=` the original file name. Answers
 * `{ version }`, or `{ error: { code, message } }` with the reason (type, size, stale, scope).
 */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const url = new URL(request.url);
  const locale = isLocale(url.searchParams.get("locale")) ? url.searchParams.get("locale")! : routing.defaultLocale;
  try {
    const origin = request.headers.get("origin");
    if (origin && new URL(origin).host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host")))
      throw new AppError("forbidden");
    const { viewer } = await authorize("letters.manage");
    // Refused before reading when the request announces more than the limit.
    if (Number(request.headers.get("content-length") ?? "0") > MAX_FILE_BYTES)
      throw new AppError("validation", { file: "files.tooLarge" }, { max: MAX_FILE_BYTES / 1024 / 1024 });
    const query = uploadQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) throw new AppError("badRequest");
    if (!request.body) throw new AppError("validation", { file: "letters.fileMissing" });
    const saved = await attachFile(viewer, {
      id: (await params).id,
      version: query.data.version,
      name: query.data.name,
      body: request.body,
    });
    return NextResponse.json(saved, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError && Object.keys(error.fieldErrors).length) {
      const t = await getTranslations({ locale, namespace: "errors" });
      const message = Object.values(error.fieldErrors)
        .map((k) => runtimeKeys(t)(k, error.params))
        .join(" ");
      const tooLarge = error.fieldErrors.file === "files.tooLarge";
      return NextResponse.json(
        { error: { code: error.code, message } },
        { status: tooLarge ? 413 : error.code === "validation" ? 415 : HTTP_STATUS[error.code] },
      );
    }
    return errorResponse(error, new Request(`${url.origin}${url.pathname}?locale=${locale}`));
  }
}
