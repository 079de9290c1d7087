import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { RevisionListItem } from "@/lib/dictionary/editing";
import { formatDateTime } from "@/lib/format";

/** A list of proposals with kind, status, author and reviewer. */
export async function RevisionList({
  items,
  empty,
  testId,
}: {
  items: RevisionListItem[];
  empty: string;
  testId?: string;
}) {
  const t = await getTranslations("lexicography");
  const locale = await getLocale();
  if (!items.length) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm" data-testid={testId}>
      {items.map((r) => (
        <li key={r.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 p-3 text-sm">
          <Link href={`/admin/dictionary/revisions/${r.id}`} className="font-medium" lang="kk">
            {r.lemma}
          </Link>
          <span className="rounded bg-slate-100 px-1.5 text-xs">{t(`kinds.${r.kind}`)}</span>
          <span
            className={`rounded px-1.5 text-xs ${r.status === "APPROVED" ? "bg-green-100 text-green-800" : r.status === "REJECTED" ? "bg-red-100 text-red-800" : r.status === "PENDING" ? "bg-amber-100 text-amber-900" : "bg-slate-100"}`}
          >
            {t(`statuses.${r.status}`)}
          </span>
          <span className="text-slate-600">
            {t("by", {
              name: r.author.displayName,
              date: formatDateTime(r.createdAt, locale),
            })}
          </span>
          {r.reviewer && r.reviewedAt && (
            <span className="text-slate-600">
              {t("reviewedBy", {
                name: r.reviewer.displayName,
                date: formatDateTime(r.reviewedAt, locale),
              })}
            </span>
          )}
          {r.comment && <span className="w-full text-slate-500">“{r.comment}”</span>}
        </li>
      ))}
    </ul>
  );
}
