import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { editorEntryList, reviewQueue } from "@/lib/dictionary/editing";
import { PageHeader } from "@/components/admin/page-header";
import { FilterBar } from "@/components/admin/filter-bar";
import { RevisionList } from "@/components/dictionary/revision-list";
import { linkButtonClass } from "@/components/ui/button";

export default async function DictionaryAdminPage({ params, searchParams }: PageProps<"/[locale]/admin/dictionary">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("dictionary.edit");
  const t = await getTranslations("lexicography");
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : "";
  const [queue, entries] = await Promise.all([reviewQueue(viewer), editorEntryList(q)]);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/admin/dictionary/new" className={linkButtonClass()}>
            {t("new")}
          </Link>
        }
      />
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("queue.toReview", { count: queue.toReview.length })}</h2>
        <RevisionList items={queue.toReview} empty={t("queue.nothingToReview")} testId="to-review" />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("queue.mine", { count: queue.mine.length })}</h2>
        <RevisionList items={queue.mine} empty={t("queue.noneMine")} testId="my-proposals" />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("entries.title")}</h2>
        <FilterBar q={q} searchLabel={t("entries.search")} />
        <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm">
          {entries.map((e) => (
            <li key={e.id} className="flex flex-wrap items-baseline gap-3 p-3 text-sm">
              <Link href={`/admin/dictionary/entries/${e.id}`} className="font-medium" lang="kk">
                {e.lemma}
              </Link>
              <span className="text-slate-500">{e.lemmaLatin}</span>
              {e.checked && <span className="rounded bg-green-100 px-1.5 text-xs text-green-800">{t("checked")}</span>}
              <span className="text-xs text-slate-500">
                {t(`sources.${e.source === "apertium" ? "apertium" : e.source === "seed" ? "seed" : "editor"}`)}
              </span>
            </li>
          ))}
          {entries.length === 0 && <li className="p-3 text-sm text-slate-500">{t("entries.none")}</li>}
        </ul>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("queue.recent")}</h2>
        <RevisionList items={queue.recent} empty={t("queue.noneRecent")} />
      </section>
    </div>
  );
}
