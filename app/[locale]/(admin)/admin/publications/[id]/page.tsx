import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { decisionsFor } from "@/lib/publications/constants";
import { getForWork, versionDiff } from "@/lib/publications/workflow";
import { decideAction } from "@/lib/publications/actions";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField, TextField } from "@/components/forms/fields-client";
import { BodyField } from "@/components/forums/forms-client";
import { PageHeader } from "@/components/admin/page-header";
import { Select } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format";

export const dynamic = "force-dynamic";

/** An editor's view of one publication: the submitted text, a diff between versions, history and the decision form. */
export default async function ReviewPage({ params, searchParams }: PageProps<"/[locale]/admin/publications/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("publications.review");
  const p = await getForWork(viewer, id).catch((e) => (e instanceof AppError ? null : Promise.reject(e)));
  if (!p) notFound();
  const t = await getTranslations("publications");
  const query = await searchParams;
  const latest = p.versions[0]?.number ?? 0;
  const to = Number(query.to) || latest;
  const from = Number(query.from) || Math.max(1, to - 1);
  const decisions = decisionsFor(p.status);
  const diff = latest > 1 && from !== to ? await versionDiff(viewer, id, from, to).catch(() => null) : null;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/admin/publications">← {t("review.title")}</Link>
      </p>
      <PageHeader
        title={p.title}
        description={`${t(`types.${p.type}`)} · ${t(`languages.${p.language as "kk"}`)} · ${p.authorName} · ${t(`statuses.${p.status}`)}`}
      />

      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("review.decide")}</h2>
        {p.canDecide && decisions.length === 0 ? (
          <p className="text-sm text-slate-600" role="status" data-testid="no-decision">
            {t("review.nothingToDecide", { status: t(`statuses.${p.status}`) })}
          </p>
        ) : p.canDecide ? (
          <ActionForm action={decideAction} submitLabel={t("review.apply")} testId="decision-form">
            <input type="hidden" name="id" value={p.id} />
            <SelectField
              name="decision"
              label={t("review.decide")}
              options={decisions.map((d) => ({ value: d, label: t(`decisions.${d}`) }))}
              defaultValue={decisions[0]}
            />
            <BodyField name="remarks" label={t("review.remarks")} rows={4} />
            <TextField name="publishAt" label={t("review.publishAt")} type="datetime-local" />
          </ActionForm>
        ) : (
          <p className="text-sm text-slate-600">{t("review.ownWork")}</p>
        )}
      </section>

      {latest > 1 && (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-semibold">{t("review.diff")}</h2>
          <form method="get" className="mb-3 flex items-end gap-2 text-sm">
            {(["from", "to"] as const).map((k) => (
              <label key={k}>
                <span className="mb-1 block">{t(`review.${k}`)}</span>
                <Select name={k} defaultValue={String(k === "from" ? from : to)} density="sm">
                  {p.versions.map((v) => (
                    <option key={v.number} value={v.number}>
                      {v.number}
                    </option>
                  ))}
                </Select>
              </label>
            ))}
            <button type="submit" className="rounded border border-slate-300 px-3 py-1">
              {t("review.showDiff")}
            </button>
          </form>
          {diff && (
            <pre className="relative overflow-x-auto rounded bg-slate-50 p-2 text-xs" data-testid="version-diff">
              {[...diff.title, { op: "same" as const, text: "" }, ...diff.body].map((l, i) => (
                <div
                  key={i}
                  className={
                    l.op === "add"
                      ? "bg-green-100 text-green-900"
                      : l.op === "del"
                        ? "bg-red-100 text-red-900 line-through"
                        : ""
                  }
                  data-op={l.op}
                >
                  {l.op === "add" ? "+ " : l.op === "del" ? "- " : "  "}
                  {l.text}
                </div>
              ))}
            </pre>
          )}
        </section>
      )}
      {latest <= 1 && <p className="text-sm text-slate-600">{t("review.noDiff")}</p>}

      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("review.text")}</h2>
        {p.summary && <p className="mb-2 text-slate-700">{p.summary}</p>}
        <div className="prose max-w-none" lang={p.language} dangerouslySetInnerHTML={{ __html: p.html }} />
        {p.attachments.length > 0 && (
          <ul className="mt-3 space-y-1 text-sm">
            {p.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/v1/files/${a.id}`}>{a.fileName}</a>{" "}
                <span className="text-slate-500">({a.file.kind.toUpperCase()})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("review.history")}</h2>
        <ul className="space-y-1 text-sm">
          {p.remarks.map((r, i) => (
            <li key={i}>
              {formatDateTime(new Date(r.at), locale)} · {r.reviewer} · {t(`decisions.${r.decision as "approve"}`)} ·{" "}
              {t("work.onVersion", { version: r.version })}
              {r.text && <span className="block whitespace-pre-wrap text-slate-700">{r.text}</span>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
