import { NextResponse } from "next/server";
import { z } from "zod";
import { route, translator } from "@/lib/http";
import { exportRows, exportStudent, type ExportLabels } from "@/lib/diary/diary";
import { toCsv } from "@/lib/csv";
import { downloadHeaders, toXlsx } from "@/lib/csv/xlsx";
import { exportFormat } from "@/lib/diary/schemas";

export const dynamic = "force-dynamic";

/**
 * Everything stored about a student, for the parent (or the student): `?format=json|csv|xlsx`, the table
 * (CSV or XLSX) in the language of `?locale=` (Kazakh by default). Scope-checked.
 */
export const GET = route({
  permission: "diary.read",
  params: z.object({ id: z.string() }),
  query: z.object({ format: exportFormat.default("json") }),
  handler: async ({ viewer, params, query, locale }) => {
    const data = await exportStudent(viewer, params.id);
    const name = `diary-${data.student.lastName}-${data.student.firstName}`.replace(/[^\p{L}\p{N}-]/gu, "_");
    const headers = { "Cache-Control": "private, no-store" };
    if (query.format !== "json") {
      const t = translator(locale);
      const of = <K extends string>(prefix: string, keys: readonly K[]) =>
        Object.fromEntries(keys.map((k) => [k, t(`${prefix}.${k}`)])) as Record<K, string>;
      const labels: ExportLabels = {
        headers: of("diary.export.headers", ["record", "date", "subject", "detail", "value", "max"] as const),
        kinds: of("diary.export.kinds", [
          "student",
          "class",
          "mark",
          "attendance",
          "sor",
          "soch",
          "term_grade",
        ] as const),
        statuses: of("diary.status", ["ABSENT", "LATE", "EXCUSED"] as const),
        summative: (kind, n) => t(`diary.subjects.${kind}`, { n }),
      };
      const rows = exportRows(data, labels);
      const body = query.format === "xlsx" ? new Uint8Array(await toXlsx(rows, { sheet: name })) : toCsv(rows);
      return new NextResponse(body, { headers: { ...headers, ...downloadHeaders(query.format, name) } });
    }
    return NextResponse.json(data, {
      headers: { ...headers, "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}.json` },
    });
  },
});
