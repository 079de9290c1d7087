import { NextResponse } from "next/server";
import { z } from "zod";
import { isLocale, type Locale } from "@/i18n/routing";
import { AppError } from "@/lib/errors";
import { route, translator } from "@/lib/http";
import { loadEntry, UploadRefused, uploadTemplate } from "@/lib/reporting/entry";
import { MAX_UPLOAD_BYTES } from "@/lib/reporting/template";

export const dynamic = "force-dynamic";

/** A refused upload with every problem in words (row, column, message); 413 when the file is too large. */
function refusal(error: UploadRefused, locale: Locale): AppError {
  const t = translator(locale);
  const problems = error.problems.map((p) => ({
    row: p.row,
    column: p.column ? (p.columnName ? `${p.column} (${p.columnName})` : p.column) : undefined,
    key: p.key,
    code: p.code,
    message: t(`errors.${p.code}`, p.params ?? {}),
  }));
  const tooLarge = problems.some((p) => p.code === "reporting.upload.tooLarge");
  return new AppError(error.code, error.fieldErrors, error.params, {
    status: tooLarge ? 413 : undefined,
    details: { problems },
  });
}

/**
 * Upload of a filled-in template (multipart: version, locale, file; `?periodId=&organizationId=` in the query,
 * or as form fields). All or nothing: on success the draft's values are replaced and `{ version, count,
 * values }` comes back; otherwise nothing is saved and `{ error: { code, message, problems: [{ row, column,
 * message }] } }` lists every problem in the requested language. Who may upload is settled before the body
 * is read: the permission by the route, the organisation and period (given in the query) by `loadEntry`; a
 * zip-based file over the limits is refused with 413 before it is parsed.
 */
export const POST = route({
  // the organisation and period are checked by loadEntry (here when in the query, and again by uploadTemplate)
  permission: "reporting.submit",
  sameOrigin: true,
  query: z.object({
    periodId: z.string().min(1).max(100).optional(),
    organizationId: z.string().min(1).max(100).optional(),
    locale: z.string().optional(),
  }),
  handler: async ({ request, viewer, query, locale, answerIn }) => {
    if (query.periodId && query.organizationId) await loadEntry(viewer, query.periodId, query.organizationId);
    try {
      // The whole request is refused before reading it when it announces more than the limit (plus the form fields).
      const length = Number(request.headers.get("content-length") ?? "0");
      if (length > MAX_UPLOAD_BYTES + 64 * 1024)
        throw new UploadRefused([{ code: "reporting.upload.tooLarge", params: { max: 10 } }]);
      const form = await request.formData().catch(() => null);
      if (!form) throw new AppError("badRequest");
      const requested = form.get("locale");
      if (isLocale(requested)) {
        locale = requested;
        answerIn(requested);
      }
      const file = form.get("file");
      if (!(file instanceof Blob)) throw new UploadRefused([{ code: "reporting.upload.empty" }]);
      if (file.size > MAX_UPLOAD_BYTES)
        throw new UploadRefused([{ code: "reporting.upload.tooLarge", params: { max: 10 } }]);
      const version = Number(form.get("version"));
      if (!Number.isInteger(version) || version < 0)
        throw new AppError(
          "badRequest",
          { version: "parameter.invalid" },
          { param: "version", value: String(form.get("version") ?? "") },
        );
      const saved = await uploadTemplate(viewer, {
        periodId: query.periodId ?? String(form.get("periodId") ?? ""),
        organizationId: query.organizationId ?? String(form.get("organizationId") ?? ""),
        version,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return NextResponse.json(
        { version: saved.submission.version, count: saved.count, values: saved.values },
        { headers: { "cache-control": "no-store" } },
      );
    } catch (error) {
      throw error instanceof UploadRefused ? refusal(error, locale) : error;
    }
  },
});
