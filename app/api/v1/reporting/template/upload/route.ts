import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { isLocale, routing } from "@/i18n/routing";
import { UploadRefused, uploadTemplate } from "@/lib/reporting/entry";
import { MAX_UPLOAD_BYTES } from "@/lib/reporting/template";
import { runtimeKeys } from "@/i18n/keys";

export const dynamic = "force-dynamic";

/**
 * Upload of a filled-in template (multipart: periodId, organizationId, version, locale, file). All or
 * nothing: on success the draft's values are replaced and `{ version, count, values }` comes back; otherwise
 * nothing is saved and `{ error: { code, message, problems: [{ row, column, message }] } }` lists every
 * problem in the requested language.
 */
export async function POST(request: Request) {
  const url = new URL(request.url);
  let locale: string = isLocale(url.searchParams.get("locale"))
    ? url.searchParams.get("locale")!
    : routing.defaultLocale;
  try {
    const origin = request.headers.get("origin");
    if (origin && new URL(origin).host !== (request.headers.get("x-forwarded-host") ?? request.headers.get("host")))
      throw new AppError("forbidden");
    // The whole request is refused before reading it when it announces more than the limit (plus the form fields).
    const length = Number(request.headers.get("content-length") ?? "0");
    if (length > MAX_UPLOAD_BYTES + 64 * 1024)
      throw new UploadRefused([{ code: "reporting.upload.tooLarge", params: { max: 10 } }]);
    const viewer = await getViewer();
    if (!viewer) throw new AppError("unauthenticated");
    const form = await request.formData().catch(() => null);
    if (!form) throw new AppError("badRequest");
    const requested = form.get("locale");
    if (isLocale(requested)) locale = requested;
    const file = form.get("file");
    if (!(file instanceof Blob)) throw new UploadRefused([{ code: "reporting.upload.empty" }]);
    if (file.size > MAX_UPLOAD_BYTES)
      throw new UploadRefused([{ code: "reporting.upload.tooLarge", params: { max: 10 } }]);
    const version = Number(form.get("version"));
    if (!Number.isInteger(version) || version < 0) throw new AppError("badRequest");
    const saved = await uploadTemplate(viewer, {
      periodId: String(form.get("periodId") ?? ""),
      organizationId: String(form.get("organizationId") ?? ""),
      version,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return NextResponse.json(
      { version: saved.submission.version, count: saved.count, values: saved.values },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof UploadRefused) {
      const t = await getTranslations({ locale, namespace: "errors" });
      const problems = error.problems.map((p) => ({
        row: p.row,
        column: p.column ? (p.columnName ? `${p.column} (${p.columnName})` : p.column) : undefined,
        key: p.key,
        code: p.code,
        message: runtimeKeys(t)(p.code, p.params ?? {}),
      }));
      const message = t("reporting.upload.refused", { count: problems.length });
      return NextResponse.json(
        { error: { code: error.code, message, problems } },
        { status: problems.some((p) => p.code === "reporting.upload.tooLarge") ? 413 : HTTP_STATUS[error.code] },
      );
    }
    if (error instanceof AppError && Object.keys(error.fieldErrors).length) {
      // The detailed reason (e.g. "not obliged to submit this form") goes with the summary.
      const t = await getTranslations({ locale, namespace: "errors" });
      const summary = error.code === "validation" ? t("validation.summary") : t(error.code, error.params);
      const message = [summary, ...Object.values(error.fieldErrors).map((k) => runtimeKeys(t)(k, error.params))].join(
        " ",
      );
      return NextResponse.json({ error: { code: error.code, message } }, { status: HTTP_STATUS[error.code] });
    }
    const localized = new Request(`${url.origin}${url.pathname}?locale=${locale}`);
    return errorResponse(error, localized);
  }
}
