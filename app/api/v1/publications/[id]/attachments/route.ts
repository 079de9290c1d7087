import { NextResponse } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { MAX_FILE_BYTES } from "@/lib/files/store";
import { addAttachment } from "@/lib/publications/attachments";
import { runtimeKeys } from "@/i18n/keys";

export const dynamic = "force-dynamic";

/**
 * Uploads one attachment (or, with `?cover=1`, the cover image) of the author's editable publication. The
 * request body is the file itself (`?name=` gives its file name); it is streamed into the store, never held
 * in memory, and refused when over 20 MB or when its content is not what its name claims.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const url = new URL(request.url);
    const name = url.searchParams.get("name") ?? "";
    if (!name || name.length > 255) throw new AppError("validation", { file: "validation.required" });
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > MAX_FILE_BYTES)
      throw new AppError("validation", { file: "files.tooLarge" }, { max: MAX_FILE_BYTES / 1024 / 1024 });
    if (!request.body) throw new AppError("validation", { file: "files.empty" });
    const result = await addAttachment(
      await getViewer(),
      { id, fileName: name, cover: url.searchParams.get("cover") === "1" },
      request.body,
    );
    return NextResponse.json(result, { status: 201 });
  } catch (error) {
    return fieldAwareError(error, request);
  }
}

/** The one error shape, with the field's message (too large, wrong content) as the message when there is one. */
async function fieldAwareError(error: unknown, request: Request) {
  if (error instanceof AppError && error.fieldErrors.file) {
    const { getTranslations } = await import("next-intl/server");
    const { isLocale, routing } = await import("@/i18n/routing");
    const requested = new URL(request.url).searchParams.get("locale");
    const t = await getTranslations({
      locale: isLocale(requested) ? requested : routing.defaultLocale,
      namespace: "errors",
    });
    return NextResponse.json(
      { error: { code: error.code, message: runtimeKeys(t)(error.fieldErrors.file, error.params) } },
      { status: error.code === "validation" ? 400 : 409 },
    );
  }
  return errorResponse(error, request);
}
