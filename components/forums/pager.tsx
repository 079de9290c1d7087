import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

/** Previous/next links of a paginated forum list (URL `?page=`). */
export async function Pager({
  page,
  pageSize,
  total,
  path,
}: {
  page: number;
  pageSize: number;
  total: number;
  path: string;
}) {
  const t = await getTranslations("forums");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="flex items-center gap-3 text-sm">
      {page > 1 && (
        <Link href={`${path}?page=${page - 1}`} className="text-brand-700 underline">
          {t("previous")}
        </Link>
      )}
      <span>{t("page", { page, pages })}</span>
      {page < pages && (
        <Link href={`${path}?page=${page + 1}`} className="text-brand-700 underline">
          {t("next")}
        </Link>
      )}
    </nav>
  );
}
