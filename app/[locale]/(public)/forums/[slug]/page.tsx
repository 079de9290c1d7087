import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { getCategory, listThreads } from "@/lib/forums/forums";
import { answerStats, awaitingDays } from "@/lib/forums/open";
import { createThreadAction } from "@/lib/forums/actions";
import { localName } from "@/lib/names";
import { ActionForm } from "@/components/forms/action-form-client";
import { TextField } from "@/components/forms/fields-client";
import { BodyField } from "@/components/forums/forms-client";
import { Pager } from "@/components/ui/pager";
import { pagerLabels } from "@/components/ui/pager-labels";
import { pageCount, parsePage } from "@/lib/data-table/params";
import { formatDateTime, formatPercent } from "@/lib/format";
import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo/metadata";
import { cachedAnswerStats, cachedCategory, cachedThreads } from "@/lib/forums/cache";
import { isCachedTwin, viewParams } from "@/lib/http/view-params";

export async function generateMetadata({ params }: PageProps<"/[locale]/forums/[slug]">): Promise<Metadata> {
  const { locale, slug } = await params;
  const t = await getTranslations({ locale, namespace: "forums" });
  // As an anonymous reader sees it: a restricted category's name is not given away.
  const category = await getCategory(null, slug).catch(() => null);
  if (!category) return { title: t("title"), robots: { index: false } };
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  const name = localName(category, locale);
  const description =
    locale === "ru" ? category.descriptionRu : locale === "en" ? category.descriptionEn : category.descriptionKk;
  return pageMetadata(locale, `/forums/${slug}`, { title: name, description: description || ts("forum", { name }) });
}

/**
 * A category: its threads (pinned first, then the latest), a new-thread form; open forums show their answer
 * figures. A reader without a session gets the cached twin (`CACHED_VIEWS`), rendered as nobody is signed in.
 */
export default async function CategoryPage(props: PageProps<"/[locale]/forums/[slug]">) {
  const { locale, slug } = await props.params;
  setRequestLocale(locale);
  const t = await getTranslations("forums");
  const viewer = (await isCachedTwin(props)) ? null : await getViewer();
  const category = viewer
    ? await getCategory(viewer, slug).catch((e) => (e instanceof AppError ? null : Promise.reject(e)))
    : await cachedCategory(slug);
  if (!category) notFound();
  const page = parsePage(await viewParams(props));
  const threads = viewer ? await listThreads(viewer, category.id, page) : await cachedThreads(category.id, page);
  const open = category.kind === "OPEN";
  const stats = open ? (viewer ? await answerStats(viewer, category.id) : await cachedAnswerStats(category.id)) : null;
  const description =
    locale === "ru" ? category.descriptionRu : locale === "en" ? category.descriptionEn : category.descriptionKk;
  return (
    <div className="max-w-4xl space-y-5">
      <Link href="/forums" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{localName(category, locale)}</h1>
        <p className="text-slate-700">{description}</p>
        {stats && (
          <p className="mt-2 rounded bg-brand-50 p-2 text-sm" data-testid="answer-stats">
            {stats.questions
              ? t("stats", {
                  rate: formatPercent((stats.answerRate ?? 0) * 100, locale, { maximumFractionDigits: 0 }),
                  hours: stats.medianHours ?? "—",
                  questions: stats.questions,
                })
              : t("statsNone")}
          </p>
        )}
      </div>
      <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm" data-testid="threads">
        {threads.rows.length === 0 && <li className="p-4 text-slate-500">{t("noThreads")}</li>}
        {threads.rows.map((th) => {
          const waiting = open ? awaitingDays(th.createdAt, th.answeredAt) : null;
          return (
            <li key={th.id} className="flex flex-wrap items-baseline justify-between gap-2 p-4">
              <div>
                {th.pinned && <span className="mr-2 rounded bg-amber-100 px-2 py-0.5 text-xs">{t("pinned")}</span>}
                {th.locked && <span className="mr-2 rounded bg-slate-200 px-2 py-0.5 text-xs">{t("locked")}</span>}
                {th.hidden && <span className="mr-2 rounded bg-red-100 px-2 py-0.5 text-xs">{t("hiddenThread")}</span>}
                <Link href={`/forums/t/${th.id}`} className="font-medium text-brand-700 hover:underline">
                  {th.title}
                </Link>
                {th.unread !== null && th.unread > 0 && (
                  <span className="ml-2 rounded bg-brand-600 px-2 py-0.5 text-xs text-white">
                    {t("unread", { count: th.unread })}
                  </span>
                )}
                <div className="text-xs text-slate-500">
                  {th.author} · {formatDateTime(new Date(th.lastPostAt), locale)}
                </div>
              </div>
              <div className="text-right text-sm text-slate-500">
                <div>{t("posts", { count: th.posts })}</div>
                {open &&
                  (waiting === null ? (
                    <div className="text-green-700">{t("answered")}</div>
                  ) : (
                    <div className="text-amber-700" data-testid="awaiting">
                      {t("awaiting", { days: waiting })}
                    </div>
                  ))}
              </div>
            </li>
          );
        })}
      </ul>
      <Pager
        path={`/forums/${slug}`}
        page={threads.page}
        pages={pageCount(threads.total, threads.pageSize)}
        labels={await pagerLabels()}
      />
      {!viewer ? (
        <p className="text-slate-600">
          <Link
            href={{ pathname: "/sign-in", query: { callbackUrl: `/${locale}/forums/${slug}` } }}
            className="underline"
            data-testid="sign-in-to-post"
          >
            {t("signInToPost")}
          </Link>
        </p>
      ) : category.canPost ? (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-3 text-lg font-semibold">{open ? t("askQuestion") : t("newThread")}</h2>
          <ActionForm action={createThreadAction} submitLabel={t("create")} testId="new-thread">
            <input type="hidden" name="categoryId" value={category.id} />
            <TextField name="title" label={t("threadTitle")} required />
            <BodyField label={t("body")} hint={t("bodyHint")} />
          </ActionForm>
        </section>
      ) : (
        <p className="text-slate-600">{t("cannotPost")}</p>
      )}
    </div>
  );
}
