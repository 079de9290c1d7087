import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { getPackage, reverifyPackage } from "@/lib/packages/packages";
import { reasonText } from "@/lib/packages/reasons";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { PrintButton } from "@/components/ui/print-button-client";
import { runtimeKeys } from "@/i18n/keys";
import { Table } from "@/components/ui/table";

const time = (d: Date | string) => new Date(d).toISOString().replace("T", " ").slice(0, 19) + " UTC";

/** A received package in human-readable form (R36: visual representation and paper), re-verified on every view. */
export default async function PackagePage({ params }: PageProps<"/[locale]/admin/packages/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("packages.manage");
  const row = await getPackage(viewer, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "notFound") notFound();
    throw e;
  });
  const check = await reverifyPackage(viewer, id);
  const t = await getTranslations("packages");
  const tAll = await getTranslations();
  let values: Record<string, unknown> = {};
  try {
    values =
      (JSON.parse(Buffer.from(row.bytes).toString("utf8")) as { payload?: { values?: Record<string, unknown> } })
        .payload?.values ?? {};
  } catch {
    values = {};
  }
  const r = row.receipt.receipt;
  const item = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-3 gap-2 border-t border-slate-100 py-1">
      <dt className="font-medium">{label}</dt>
      <dd className="col-span-2 break-all">{value}</dd>
    </div>
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("detail.title", { form: row.formCode, period: row.periodLabel })}
        description={`${localName(row.organization, locale)} · ${row.organization.bin}`}
        actions={
          <div className="flex gap-3 print:hidden">
            <PrintButton label={t("detail.print")} />
            <a href={`/api/v1/packages/${row.id}/original`} className="text-sm">
              {t("list.download")}
            </a>
            <a href={`/api/v1/packages/${row.id}/original?part=signature`} className="text-sm">
              {t("detail.signature")}
            </a>
            <Link href="/admin/packages" className="text-sm">
              {t("list.title")}
            </Link>
          </div>
        }
      />
      <section aria-labelledby="check" className="rounded-lg bg-white p-4 shadow-sm" data-testid="reverify">
        <h2 id="check" className="mb-2 text-lg font-semibold">
          {t("detail.reverify")}
        </h2>
        <p role="status" className={check.signatureValid && check.hashMatches ? "text-green-800" : "text-red-800"}>
          {check.signatureValid && check.hashMatches ? t("detail.signatureValid") : t("detail.signatureInvalid")}
          {check.keyRevokedSince ? ` ${t("detail.keyRevokedSince", { date: time(check.keyRevokedSince) })}` : ""}
        </p>
      </section>
      <dl className="rounded-lg bg-white p-4 text-sm shadow-sm">
        {item(t("detail.id"), <span className="font-mono">{row.id}</span>)}
        {item(t("list.sender"), `${localName(row.organization, locale)} (${row.organization.bin})`)}
        {item(t("list.form"), `${row.formCode} · ${row.year} · ${row.periodLabel}`)}
        {item(t("detail.sentAt"), time(row.sentAt))}
        {item(t("list.receivedAt"), time(row.receivedAt))}
        {item(t("detail.key"), `${row.key.label} · ${row.key.fingerprint}`)}
        {item("SHA-256", <span className="font-mono">{row.sha256}</span>)}
        {item(t("list.size"), row.size)}
        {item(t("list.verdict"), t(`verdict.${row.verdict}`))}
        {item(t("detail.expiresAt"), time(row.expiresAt))}
      </dl>
      {r.reasons.length > 0 && (
        <section aria-labelledby="reasons" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="reasons" className="mb-2 text-lg font-semibold">
            {t("detail.reasons")}
          </h2>
          <ul className="list-disc pl-6 text-sm">
            {r.reasons.map((reason, i) => (
              <li key={i}>{reasonText(runtimeKeys(tAll), reason)}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="values" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="values" className="mb-2 text-lg font-semibold">
          {t("detail.values")}
        </h2>
        <Table
          testId="package-values"
          columns={[t("detail.field"), t("detail.value")]}
          rows={Object.entries(values)}
          thClassName="px-2 py-1"
          frameClassName=""
        >
          {([k, v]) => (
            <tr key={k} className="border-t border-slate-100">
              <td className="px-2 py-1 font-mono">{k}</td>
              <td className="px-2 py-1">{String(v)}</td>
            </tr>
          )}
        </Table>
      </section>
      <section aria-labelledby="receipt" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="receipt" className="mb-2 text-lg font-semibold">
          {t("detail.receipt")}
        </h2>
        <pre className="relative overflow-x-auto whitespace-pre-wrap break-all text-xs" data-testid="receipt-json">
          {JSON.stringify(row.receipt, null, 2)}
        </pre>
      </section>
    </div>
  );
}
