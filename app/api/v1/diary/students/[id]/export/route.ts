import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { exportCsv, exportStudent } from "@/lib/diary/diary";
import { exportFormat } from "@/lib/diary/schemas";

export const dynamic = "force-dynamic";

/** Everything stored about a student, for the parent (or the student): `?format=json|csv`. Scope-checked. */
export const GET = route({
  permission: "diary.read",
  params: z.object({ id: z.string() }),
  query: z.object({ format: exportFormat.default("json") }),
  handler: async ({ viewer, params, query }) => {
    const data = await exportStudent(viewer, params.id);
    const name = `diary-${data.student.lastName}-${data.student.firstName}`.replace(/[^\p{L}\p{N}-]/gu, "_");
    const headers = { "Cache-Control": "private, no-store" };
    if (query.format === "csv") {
      return new NextResponse(exportCsv(data), {
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
