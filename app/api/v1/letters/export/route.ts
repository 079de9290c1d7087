import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { route } from "@/lib/http";
import { toCsv } from "@/lib/csv";
import { formatDateTime } from "@/lib/time";
import { localName } from "@/lib/names";
import { exportLetters } from "@/lib/letters/letters";
import { letterQueryOf } from "@/lib/letters/schemas";
import { runtimeKeys } from "@/i18n/keys";

export const dynamic = "force-dynamic";

/**
 * The register as CSV (UTF-8 with BOM): the same filters and order as the list page (`direction`, `q`,
 * `status`, `overdue=1`, `organizationId`, `year`, `sort`, `dir`), column titles in `locale`.
 */
export const GET = route({
  permission: "letters.read",
  handler: async ({ viewer, url, locale }) => {
    const query = letterQueryOf(Object.fromEntries(url.searchParams));
    const t = await getTranslations({ locale, namespace: "letters" });
    const rows = await exportLetters(viewer, query);
    const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
    const header = [
      "number",
      "registeredAt",
      "organization",
      "correspondent",
      "letterNumber",
      "letterDate",
      "subject",
      "executor",
      "dueDate",
      "status",
      "replyTo",
      "replies",
      "file",
    ].map((k) => runtimeKeys(t)(`fields.${k}`));
    const lines = rows.map((l) => [
      l.number,
      formatDateTime(l.registeredAt),
      localName(l.organization, locale),
      l.correspondent,
      l.letterNumber,
      day(l.letterDate),
      l.subject,
      l.executor?.displayName ?? "",
      day(l.dueDate),
      t(`status.${l.status}`) + (l.overdue ? ` (${t("list.overdueMark")})` : ""),
      l.replyTo?.number ?? "",
      l.replies.map((r) => r.number).join(" "),
      l.fileName ?? "",
    ]);
    const name = `${t("csv.filename")}-${query.direction.toLowerCase()}.csv`;
    return new NextResponse(toCsv([header, ...lines]), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "private, no-store",
      },
    });
  },
});
