import { NextResponse } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { authorizeViewer } from "@/lib/auth/access";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { isLocale, routing } from "@/i18n/routing";
import { prisma } from "@/lib/db";
import { definitionSchema } from "@/lib/reporting/definition";
import { loadEntry, submittingOrganizations } from "@/lib/reporting/entry";
import { templateCsv, templateRows, templateXlsx, type TemplateMeta } from "@/lib/reporting/template";

export const dynamic = "force-dynamic";

/**
 * The template of a form version to fill in offline (format: lib/reporting/template.ts), as CSV or XLSX
 * (`format=csv|xlsx`), labelled in `locale`. An organisation's administrator asks for the report of a
 * period (`period`, optionally `org`); a form designer for any version (`form` and `version`).
 */
export async function GET(request: Request) {
  try {
    const url = new URL(request.url);
    const format = url.searchParams.get("format") ?? "csv";
    if (format !== "csv" && format !== "xlsx") throw new AppError("badRequest");
    const requested = url.searchParams.get("locale");
    const locale = isLocale(requested) ? requested : routing.defaultLocale;
    const viewer = await getViewer();
    let meta: TemplateMeta;
    let definition;
    const periodId = url.searchParams.get("period");
    if (periodId) {
      authorizeViewer(viewer, "reporting.submit");
      const organizationId = url.searchParams.get("org") ?? submittingOrganizations(viewer!)[0];
      if (!organizationId) throw new AppError("forbidden");
      const entry = await loadEntry(viewer!, periodId, organizationId);
      meta = { code: entry.period.form.code, version: entry.version.number };
      definition = entry.version.definition;
    } else {
      authorizeViewer(viewer, "reporting.design");
      const formId = url.searchParams.get("form") ?? "";
      const number = Number(url.searchParams.get("version"));
      if (!formId || !Number.isInteger(number)) throw new AppError("badRequest");
      const version = await prisma.formVersion.findUnique({
        where: { formId_number: { formId, number } },
        include: { form: { select: { code: true } } },
      });
      if (!version) throw new AppError("notFound");
      meta = { code: version.form.code, version: version.number };
      definition = definitionSchema.parse(version.definition);
    }
    const rows = templateRows(definition, locale);
    const name = `${meta.code.replace(/[^\p{L}\p{N}\-_.]/gu, "_")}-v${meta.version}`;
    const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
    if (format === "csv") {
      return new NextResponse(templateCsv(meta, rows), {
        headers: {
          ...headers,
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="template.csv"; filename*=UTF-8''${encodeURIComponent(name)}.csv`,
        },
      });
    }
    const body = await templateXlsx(meta, rows);
    return new NextResponse(new Uint8Array(body), {
      headers: {
        ...headers,
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`,
      },
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
