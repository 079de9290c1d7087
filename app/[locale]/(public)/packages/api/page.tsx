import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { CODE_BLOCK, ParamsTable } from "@/components/ui/api-docs";
import { MAX_PACKAGE_BYTES } from "@/lib/packages/format";
import { pageMetadata } from "@/lib/seo/metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]/packages/api">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "packages.api" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/packages/api", { title: t("title"), description: ts("packagesApi") });
}

const EXAMPLE_PACKAGE = `{
  "format": "eiso.package/1",
  "id": "5b0d1c9e-0c49-4f5e-9d8e-2b8f6c1d7a31",
  "sender": { "bin": "123456789012" },
  "form": "P-1",
  "year": 2026,
  "period": "2026",
  "createdAt": "2026-11-23T09:15:00.000Z",
  "payload": {
    "values": { "general.director": "…", "general.capacity": 900, "general.internet": true },
    "comments": {}
  }
}`;

const EXAMPLE_REQUEST = `POST /api/v1/packages
Content-Type: application/json
X-Package-Key: <hex sha256 of the public key>
X-Package-Signature: <base64 Ed25519 signature of the body bytes>`;

const EXAMPLE_RECEIPT = `{
  "receipt": {
    "format": "eiso.receipt/1",
    "packageId": "5b0d1c9e-…", "sha256": "…", "size": 431,
    "receivedAt": "2026-11-23T09:15:01.120Z",
    "verdict": "accepted", "stage": "submission", "reasons": [],
    "sender": "123456789012", "keyId": "…",
    "form": "P-1", "year": 2026, "period": "2026", "submissionId": "…"
  },
  "signature": { "algorithm": "ed25519", "keyId": "…", "value": "…" }
}`;

/** Documentation of the data package API (R34–R37). Static: no database. */
export default async function PackagesApiPage({ params }: PageProps<"/[locale]/packages/api">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("packages.api");
  const endpoints: [string, string][] = [
    ["POST /api/v1/packages", t("endpoints.send", { max: MAX_PACKAGE_BYTES / 2 ** 20 })],
    ["GET /api/v1/packages/{id}/receipt", t("endpoints.receipt")],
    ["GET /api/v1/packages/server-key", t("endpoints.serverKey")],
    ["POST /api/v1/packages/receipts/check", t("endpoints.check")],
  ];
  const statuses: [string, string][] = [
    ["201", t("statuses.201")],
    ["200", t("statuses.200")],
    ["422", t("statuses.422")],
    ["400 401 403 409 413", t("statuses.4xx")],
  ];
  return (
    <article className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <header>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-slate-700">{t("lead")}</p>
      </header>
      <ParamsTable
        caption={t("endpointsTitle")}
        paramLabel={t("endpoint")}
        meaningLabel={t("meaning")}
        rows={endpoints}
      />
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("packageTitle")}</h2>
        <pre className={CODE_BLOCK}>{EXAMPLE_PACKAGE}</pre>
        <pre className={CODE_BLOCK}>{EXAMPLE_REQUEST}</pre>
        <p className="text-sm">{t("signing")}</p>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("receiptTitle")}</h2>
        <pre className={CODE_BLOCK}>{EXAMPLE_RECEIPT}</pre>
        <p className="text-sm">{t("receiptSignature")}</p>
        <ParamsTable
          caption={t("statusesTitle")}
          paramLabel={t("status")}
          meaningLabel={t("meaning")}
          rows={statuses}
        />
        <p className="text-sm">{t("replay")}</p>
      </section>
      <p className="text-sm">
        <Link href="/verify">{t("toVerify")}</Link>
      </p>
    </article>
  );
}
