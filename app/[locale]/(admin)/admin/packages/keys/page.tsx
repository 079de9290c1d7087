import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { keyOrganizations, listKeys } from "@/lib/packages/keys";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { RegisterKeyForm, RevokeKeyForm } from "@/components/packages/key-forms";
import { Input } from "@/components/ui/input";

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function PackageKeysPage({ params, searchParams }: PageProps<"/[locale]/admin/packages/keys">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("packages.manage");
  const { bin } = await searchParams;
  const t = await getTranslations("packages.keys");
  const [keys, orgs] = await Promise.all([
    listKeys(viewer),
    keyOrganizations(viewer, typeof bin === "string" ? bin.trim() : undefined),
  ]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/admin/packages" className="text-sm">
            {t("toPackages")}
          </Link>
        }
      />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm" data-testid="package-keys">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("organization")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("label")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("keyId")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("validity")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("status")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                <span className="sr-only">{t("revoke")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-8 text-center text-slate-500">
                  {t("empty")}
                </td>
              </tr>
            ) : (
              keys.map((k) => {
                const status = k.revokedAt
                  ? "revoked"
                  : k.validTo < now
                    ? "expired"
                    : k.validFrom > now
                      ? "future"
                      : "active";
                return (
                  <tr
                    key={k.id}
                    className="border-t border-slate-100"
                    data-testid={`key-${k.fingerprint.slice(0, 16)}`}
                  >
                    <td className="px-3 py-2">
                      {localName(k.organization, locale)}{" "}
                      <span className="font-mono text-xs text-slate-500">{k.organization.bin}</span>
                    </td>
                    <td className="px-3 py-2">{k.label}</td>
                    <td className="px-3 py-2 font-mono text-xs" title={k.fingerprint}>
                      {k.fingerprint.slice(0, 16)}…
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {day(k.validFrom)} — {day(k.validTo)}
                    </td>
                    <td className="px-3 py-2">
                      {t(`state.${status}`)}
                      {k.revokedAt ? ` ${day(k.revokedAt)}` : ""}
                    </td>
                    <td className="px-3 py-2">{!k.revokedAt && <RevokeKeyForm id={k.id} label={k.label} />}</td>
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="register-key" className="space-y-2">
        <h2 id="register-key" className="text-lg font-semibold">
          {t("register")}
        </h2>
        {orgs.length > 1 || typeof bin === "string" ? (
          <form className="flex items-end gap-2 text-sm" method="get">
            <label className="flex flex-col">
              {t("findByBin")}
              <Input name="bin" defaultValue={typeof bin === "string" ? bin : ""} density="sm" inputMode="numeric" />
            </label>
            <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1">
              {t("find")}
            </button>
          </form>
        ) : null}
        <RegisterKeyForm
          organizations={orgs.map((o) => ({ value: o.id, label: `${o.bin} — ${localName(o, locale)}` }))}
        />
        <p className="text-sm text-slate-600">{t("cliHint")}</p>
      </section>
    </div>
  );
}
