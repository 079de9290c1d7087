import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { keyOrganizations, listKeys } from "@/lib/packages/keys";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { RegisterKeyForm, RevokeKeyForm } from "@/components/packages/key-forms";
import { Input } from "@/components/ui/input";
import { Table } from "@/components/ui/table";

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
        link={{ href: "/admin/packages", label: t("toPackages") }}
      />
      <Table
        caption={t("title")}
        testId="package-keys"
        columns={[
          t("organization"),
          t("label"),
          t("keyId"),
          t("validity"),
          t("status"),
          { label: t("revoke"), hiddenLabel: true },
        ]}
        rows={keys}
        empty={t("empty")}
      >
        {(k) => {
          const status = k.revokedAt
            ? "revoked"
            : k.validTo < now
              ? "expired"
              : k.validFrom > now
                ? "future"
                : "active";
          return (
            <tr key={k.id} className="border-t border-slate-100" data-testid={`key-${k.fingerprint.slice(0, 16)}`}>
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
        }}
      </Table>
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
