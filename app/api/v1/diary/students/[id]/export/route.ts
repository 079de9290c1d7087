import { NextResponse } from "next/server";
import { z } from "zod";
import { route, translator } from "@/lib/http";
import { exportCsv, exportStudent, type ExportLabels } from "@/lib/diary/diary";
import { exportFormat } from "@/lib/diary/schemas";

export const dynamic = "force-dynamic";

/**
 * Everything stored about a student, for the parent (or the student): `?format=json|csv`, the CSV in the
 * language of `?locale=` (Kazakh by default). Scope-checked.
 */
export const GET = route({
  permission: "diary.read",
  params: z.object({ id: z.string() }),
  query: z.object({ format: exportFormat.default("json") }),
  handler: async ({ viewer, params, query, locale }) => {
    const data = await exportStudent(viewer, params.id);
    const name = `diary-${data.student.lastName}-${data.student.firstName}`.replace(/[^\p{L}\p{N}-]/gu, "_");
    const headers = { "Cache-Control": "private, no-store" };
    if (query.format === "csv") {
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
      return new NextResponse(exportCsv(data, labels), {
        headers: {
          ...headers,
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}.csv`,
        },
      });
    }
    return NextResponse.json(data, {
      headers: { ...headers, "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}.json` },
    });
  },
});
