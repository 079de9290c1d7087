import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { kazakhOriginals, subjectOptions } from "@/lib/publications/workspace";
import { DraftForm } from "@/components/publications/draft-form";
import { Notice } from "@/components/ui/notice";

export default async function NewPublicationPage({ params }: PageProps<"/[locale]/account/publications/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({
      href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/account/publications/new` } },
      locale,
    });
  const t = await getTranslations("publications");
  if (!scopeOf(viewer, "publications.write")) return <Notice>{(await getTranslations("errors"))("forbidden")}</Notice>;
  const official = Boolean(scopeOf(viewer, "publications.official"));
  const [subjects, originals] = await Promise.all([
    subjectOptions(locale),
    official ? kazakhOriginals() : Promise.resolve([]),
  ]);
  return (
    <div className="max-w-6xl space-y-4">
      <h1 className="text-2xl font-bold">{t("work.new")}</h1>
      <p className="text-sm text-slate-600">{t("form.saveFirst")}</p>
      <div className="rounded-lg bg-white p-4 shadow-sm">
        <DraftForm
          official={official}
          subjects={subjects}
          originals={originals}
          values={{
            type: "LESSON_PLAN",
            language: locale,
            title: "",
            summary: "",
            body: "",
            subjectCode: null,
            grades: [],
            keywords: [],
            translationOfId: null,
          }}
        />
      </div>
    </div>
  );
}
