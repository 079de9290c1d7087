import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { listPackages } from "@/lib/packages/packages";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { Pager } from "@/components/ui/pager";
import { Table } from "@/components/ui/table";
import { pagerLabels } from "@/components/ui/pager-labels";
import { pageCount, parsePage } from "@/lib/data-table/params";

const COLUMNS = ["receivedAt", "sender", "form", "verdict", "size", "original"] as const;

export default async function PackagesPage({ params, searchParams }: PageProps<"/[locale]/admin/packages">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("packages.manage");
  const sp = await searchParams;
  const page = parsePage(sp);
  const t = await getTranslations("packages");
  const { rows, total, size } = await listPackages(viewer, { page });
  const pages = pageCount(total, size);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        link={{ href: "/admin/packages/keys", label: t("keys.title") }}
      />
      <Table
        caption={t("list.title")}
        testId="packages"
        columns={COLUMNS.map((c) => ({ label: t(`list.${c}`), numeric: c === "size" }))}
        rows={rows}
        empty={t("list.empty")}
      >
        {(p) => (
          <tr key={p.id} className="border-t border-slate-100 hover:bg-brand-50" data-testid={`package-${p.id}`}>
            <td className="px-3 py-2 whitespace-nowrap">
              <Link href={`/admin/packages/${p.id}`}>{p.receivedAt.toISOString().replace("T", " ").slice(0, 19)}</Link>
            </td>
            <td className="px-3 py-2">
              {localName(p.organization, locale)}{" "}
              <span className="font-mono text-xs text-slate-500">{p.organization.bin}</span>
            </td>
            <td className="px-3 py-2 font-mono">
              {p.formCode} · {p.periodLabel}
            </td>
            <td className="px-3 py-2">{t(`verdict.${p.verdict}`)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{p.size}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              <a href={`/api/v1/packages/${p.id}/original`}>{t("list.download")}</a>
            </td>
          </tr>
        )}
      </Table>
      <Pager
        path="/admin/packages"
        page={page}
        pages={pages}
        total={total}
        showTotal
        hideWhenSingle={false}
        labels={await pagerLabels()}
      />
    </div>
  );
}
