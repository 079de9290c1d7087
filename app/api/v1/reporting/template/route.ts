import { NextResponse } from "next/server";
import { z } from "zod";
import { authorizeViewer } from "@/lib/auth/access";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { loadEntry, submittingOrganizations } from "@/lib/reporting/entry";
import { formVersionByNumber } from "@/lib/reporting/forms";
import { templateCsv, templateRows, templateXlsx, type TemplateMeta } from "@/lib/reporting/template";
import type { FormDefinition } from "@/lib/reporting/definition";

export const dynamic = "force-dynamic";

/**
 * The template of a form version to fill in offline (format: lib/reporting/template.ts), as CSV or XLSX
 * (`format=csv|xlsx`), labelled in `locale`. An organisation's administrator asks for the report of a
 * period (`period`, optionally `org`; reporting.submit); a form designer for any version (`form` and
 * `version`; reporting.design).
 */
export const GET = route({
  // which permission applies depends on what is asked for: checked below
  access: "signedIn",
  query: z.object({
    format: z.enum(["csv", "xlsx"]).default("csv"),
    period: z.string().optional(),
    org: z.string().optional(),
    form: z.string().optional(),
    version: z.string().optional(),
  }),
  handler: async ({ viewer, query, locale }) => {
    let meta: TemplateMeta;
    let definition: FormDefinition;
    if (query.period) {
      authorizeViewer(viewer, "reporting.submit");
      const organizationId = query.org ?? submittingOrganizations(viewer)[0];
      if (!organizationId) throw new AppError("forbidden");
      const entry = await loadEntry(viewer, query.period, organizationId);
      meta = { code: entry.period.form.code, version: entry.version.number };
      definition = entry.version.definition;
    } else {
      authorizeViewer(viewer, "reporting.design");
      const number = Number(query.version);
      if (!query.form) throw new AppError("badRequest", { form: "parameter.required" }, { param: "form" });
      if (!Number.isInteger(number))
        throw new AppError(
          "badRequest",
          { version: "parameter.invalid" },
          { param: "version", value: query.version ?? "" },
        );
      const version = await formVersionByNumber(query.form, number);
      if (!version) throw new AppError("notFound");
      meta = { code: version.code, version: version.number };
      definition = version.definition;
    }
    const rows = templateRows(definition, locale);
    const name = `${meta.code.replace(/[^\p{L}\p{N}\-_.]/gu, "_")}-v${meta.version}`;
    const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
    if (query.format === "csv") {
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
  },
});
