import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { deckStats, dueCards } from "@/lib/dictionary/flashcards";
import { FlashcardSession } from "@/components/dictionary/flashcards-client";
import { pageMetadata } from "@/lib/seo/metadata";
import { formatDateTime } from "@/lib/format";

// Personal: read per request for the signed-in user, never cached.
export const dynamic = "force-dynamic";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/dictionary/learn/flashcards">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "learn" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/dictionary/learn/flashcards", {
    title: t("flashcards.title"),
    description: ts("flashcards"),
    noindex: true,
  });
}

export default async function FlashcardsPage({ params }: PageProps<"/[locale]/dictionary/learn/flashcards">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("learn");
  const viewer = await getViewer();
  const header = (
    <>
      <nav className="text-sm">
        <Link href="/dictionary/learn">{t("title")}</Link>
      </nav>
      <div>
        <h1 className="text-2xl font-bold">{t("flashcards.title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t("flashcards.lead")}</p>
      </div>
    </>
  );
  if (!viewer) {
    return (
      <div className="max-w-3xl space-y-4">
        {header}
        <p className="rounded-lg bg-white p-5 shadow-sm">
          {t("flashcards.signInPrompt")}{" "}
          <Link href={{ pathname: "/sign-in", query: { callbackUrl: `/${locale}/dictionary/learn/flashcards` } }}>
            {t("flashcards.signIn")}
          </Link>
        </p>
      </div>
    );
  }
  const now = new Date();
  const [stats, cards] = await Promise.all([deckStats(viewer.userId, now), dueCards(viewer.userId, now, 20)]);
  return (
    <div className="max-w-3xl space-y-4">
      {header}
      <dl className="flex flex-wrap gap-6 rounded-lg bg-white p-4 text-sm shadow-sm" data-testid="deck-stats">
        <div>
          <dt className="text-slate-500">{t("flashcards.stats.total")}</dt>
          <dd className="text-xl font-semibold">{stats.total}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("flashcards.stats.due")}</dt>
          <dd className="text-xl font-semibold" data-testid="deck-due">
            {stats.due}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("flashcards.stats.learned")}</dt>
          <dd className="text-xl font-semibold">{stats.learned}</dd>
        </div>
        {stats.nextDueAt && stats.due === 0 && (
          <div>
            <dt className="text-slate-500">{t("flashcards.stats.next")}</dt>
            <dd className="text-xl font-semibold">
              {t("flashcards.stats.nextAt", { date: formatDateTime(new Date(stats.nextDueAt), locale) })}
            </dd>
          </div>
        )}
      </dl>
      {stats.total === 0 ? (
        <p className="rounded-lg bg-white p-5 shadow-sm">
          {t("flashcards.empty")} <Link href="/dictionary/learn">{t("flashcards.pickTheme")}</Link>
        </p>
      ) : (
        <FlashcardSession cards={cards} />
      )}
    </div>
  );
}
