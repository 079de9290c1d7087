import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { listCategories, type CategoryView } from "@/lib/forums/forums";
import { cachedCategories } from "@/lib/forums/cache";
import { isCachedTwin } from "@/lib/http/view-params";
import { isModerator } from "@/lib/forums/access";
import { localName } from "@/lib/names";
import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo/metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]/forums">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "forums" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/forums", { title: t("title"), description: ts("forums") });
}

/**
 * The forums: discussion categories the viewer may read, then the open forums of education authorities. A reader
 * without a session gets the cached twin (`CACHED_VIEWS`), rendered as nobody is signed in.
 */
export default async function ForumsPage(props: PageProps<"/[locale]/forums">) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const t = await getTranslations("forums");
  const viewer = (await isCachedTwin(props)) ? null : await getViewer();
  const categories = viewer ? await listCategories(viewer) : await cachedCategories();
  const description = (c: CategoryView) =>
    locale === "ru" ? c.descriptionRu : locale === "en" ? c.descriptionEn : c.descriptionKk;
  const list = (items: CategoryView[]) => (
    <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
      {items.map((c) => (
        <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 p-4">
          <div>
            <Link href={`/forums/${c.slug}`} className="font-semibold text-brand-700 hover:underline">
              {localName(c, locale)}
            </Link>
            {c.restricted && (
              <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{t("restricted")}</span>
            )}
            <p className="text-sm text-slate-600">{description(c)}</p>
          </div>
          <div className="text-sm text-slate-500">
            {t("threadsCount", { count: c.threads })}
            {c.unreadThreads > 0 && (
              <span className="ml-2 rounded bg-brand-600 px-2 py-0.5 text-xs text-white">
                {t("unreadThreads", { count: c.unreadThreads })}
              </span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="max-w-4xl space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-slate-700">{t("intro")}</p>
        </div>
        <div className="flex gap-3 text-sm">
          {viewer && (
            <Link href="/forums/chat" className="text-brand-700 underline">
              {t("chat.title")}
            </Link>
          )}
          {isModerator(viewer) && (
            <Link href="/forums/moderation" className="text-brand-700 underline">
              {t("moderation.link")}
            </Link>
          )}
        </div>
      </div>
      <h2 className="text-lg font-semibold">{t("categories")}</h2>
      {list(categories.filter((c) => c.kind === "DISCUSSION"))}
      <h2 className="text-lg font-semibold">{t("openForums")}</h2>
      {list(categories.filter((c) => c.kind === "OPEN"))}
    </div>
  );
}
