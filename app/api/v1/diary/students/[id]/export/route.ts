import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { exportCsv, exportStudent } from "@/lib/diary/diary";
import { exportFormat } from "@/lib/diary/schemas";

export const dynamic = "force-dynamic";

/** Everything stored about a student, for the parent (or the student): `?format=json|csv`. Scope-checked. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { viewer } = await authorize("diary.read");
    const { id } = await params;
    const format = exportFormat.safeParse(new URL(request.url).searchParams.get("format") ?? "json");
    if (!format.success) throw new AppError("badRequest");
    const data = await exportStudent(viewer, id);
    const name = `diary-${data.student.lastName}-${data.student.firstName}`.replace(/[^\p{L}\p{N}-]/gu, "_");
    const headers = { "Cache-Control": "private, no-store" };
    if (format.data === "csv") {
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
  } catch (error) {
    return errorResponse(error, request);
  }
}
