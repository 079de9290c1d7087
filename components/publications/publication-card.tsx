import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { ListItem } from "@/lib/publications/public";
import { formatDate } from "@/lib/format";

export async function PublicationCard({ item, subjects }: { item: ListItem; subjects: Map<string, string> }) {
  const t = await getTranslations("publications");
  const locale = await getLocale();
  return (
    <li className="rounded-lg bg-white p-4 shadow-sm" data-testid="publication-card">
      <p className="text-xs text-slate-500">
        {t(`types.${item.type as "NEWS"}`)}
        {item.subjectCode && ` · ${subjects.get(item.subjectCode) ?? item.subjectCode}`}
        {item.grades.length > 0 &&
          ` · ${item.grades.map((g) => (g === 0 ? t("preschool") : t("gradeN", { grade: g }))).join(", ")}`}
        {` · ${formatDate(new Date(item.publishedAt), locale)}`}
      </p>
      <h2 className="mt-1 text-lg font-semibold">
        <Link href={`/publications/${item.id}`} lang={item.language}>
          {item.title}
        </Link>
      </h2>
      <p className="mt-1 text-sm text-slate-700" lang={item.language}>
        {item.summary}
      </p>
      <p className="mt-2 flex flex-wrap gap-x-3 text-xs text-slate-600">
        <Link href={`/publications/authors/${item.authorId}`}>{t("by", { author: item.author })}</Link>
        {item.organization && <span>{item.organization}</span>}
        <span>{t("commentsCount", { count: item.commentCount })}</span>
        <span>
          {item.ratingCount
            ? t("ratingValue", { rating: item.rating.toFixed(1), count: item.ratingCount })
            : t("noRating")}
        </span>
        {item.fallback && <span className="rounded bg-amber-100 px-1">{t("languages.kk")}</span>}
      </p>
    </li>
  );
}
