import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { route } from "@/lib/http";
import { toCsv } from "@/lib/csv";
import { downloadHeaders, toXlsx } from "@/lib/csv/xlsx";
import { badParameter } from "@/lib/http";
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
    const format = url.searchParams.get("format") ?? "csv";
    if (format !== "csv" && format !== "xlsx") throw badParameter("format", format, ["csv", "xlsx"]);
    const query = letterQueryOf(Object.fromEntries(url.searchParams));
    const t = await getTranslations({ locale, namespace: "letters" });
    const rows = await exportLetters(viewer, query);
    const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
    const typed = format === "xlsx";
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
    if (typed)
      return new NextResponse(new Uint8Array(await toXlsx([header, ...lines], { sheet: t("csv.filename") })), {
        headers: {
          ...downloadHeaders("xlsx", `${t("csv.filename")}-${query.direction.toLowerCase()}`),
          "cache-control": "private, no-store",
        },
      });
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
