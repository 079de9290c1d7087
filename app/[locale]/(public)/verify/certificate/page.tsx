import { headers } from "next/headers";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AppError } from "@/lib/errors";
import { localName } from "@/lib/names";
import { enforcePerClient } from "@/lib/rate-limit";
import { PUBLIC_LIMITS } from "@/lib/rate-limit/public";
import { verifyCertificate, type Verification } from "@/lib/services/certificates";
import { verifyQuery } from "@/lib/services/schemas";
import { verifyCourseCertificate, type CourseVerification } from "@/lib/staff/courses";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo/metadata";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/verify/certificate">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "services.verify" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/verify/certificate", {
    title: t("title"),
    description: ts("verifyCertificate"),
    noindex: true,
  });
}

/**
 * Public verification of a certificate by its code, or its number with the code (the QR code leads here with
 * `?code=`); never by the number alone. Each check counts against the client address's limit.
 * Shows only the number, the holder's initials, the school, the class and the validity.
 */
export default async function VerifyCertificatePage({
  params,
  searchParams,
}: PageProps<"/[locale]/verify/certificate">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("services.verify");
  const sp = await searchParams;
  const raw = [sp.q, sp.code].map((v) => (Array.isArray(v) ? v[0] : v)).find((v) => typeof v === "string" && v.trim());
  let result: Verification | null = null;
  let course: CourseVerification | null = null;
  let problem: "notGenuine" | "malformed" | "codeRequired" | "rateLimited" | null = null;
  if (raw) {
    const parsed = verifyQuery.safeParse({ q: raw });
    if (!parsed.success) problem = "malformed";
    else {
      try {
        await enforcePerClient(PUBLIC_LIMITS.certificateVerify, await headers());
        result = await verifyCertificate(parsed.data.q);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // not a certificate of study: a professional development course certificate (the same code and number)
        if (error.code === "notFound") course = await verifyCourseCertificate(parsed.data.q);
        problem =
          error.code === "rateLimited"
            ? "rateLimited"
            : error.code === "notFound"
              ? "notGenuine"
              : error.fieldErrors.q === "services.codeRequired"
                ? "codeRequired"
                : "malformed";
      }
    }
  }
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <label className="flex min-w-64 flex-1 flex-col text-sm">
          <span className="mb-1 font-medium">{t("query")}</span>
          <Input
            name="q"
            defaultValue={raw ?? ""}
            required
            maxLength={40}
            autoComplete="off"
            className="font-mono uppercase"
            data-testid="verify-query"
          />
        </label>
        <Button type="submit">{t("check")}</Button>
      </form>
      {problem && !course && (
        <p
          role="alert"
          data-testid="verify-refused"
          className="rounded border border-red-300 bg-red-50 p-4 font-medium text-red-800"
        >
          {t(problem)}
        </p>
      )}
      {course && (
        <section
          role="status"
          data-testid="verify-genuine"
          className="rounded-lg border border-green-300 bg-green-50 p-4"
        >
          <h2 className="text-lg font-semibold text-green-900">{t("courseTitle")}</h2>
          <dl className="mt-3 grid grid-cols-[10rem_1fr] gap-2 text-sm">
            <dt className="font-medium">{t("number")}</dt>
            <dd className="font-mono" data-testid="verify-number">
              {course.number}
            </dd>
            <dt className="font-medium">{t("holder")}</dt>
            <dd data-testid="verify-holder">{course.holderInitials}</dd>
            <dt className="font-medium">{t("course")}</dt>
            <dd>{localName(course.course, locale)}</dd>
            <dt className="font-medium">{t("provider")}</dt>
            <dd>{localName(course.provider, locale)}</dd>
            <dt className="font-medium">{t("hours")}</dt>
            <dd>{course.hours}</dd>
            <dt className="font-medium">{t("completedOn")}</dt>
            <dd>{course.completedOn.toISOString().slice(0, 10)}</dd>
          </dl>
          <p className="mt-3 text-xs text-slate-600">{t("privacy")}</p>
        </section>
      )}
      {result && (
        <section
          role="status"
          data-testid="verify-genuine"
          className={`rounded-lg border p-4 ${result.valid ? "border-green-300 bg-green-50" : "border-amber-300 bg-amber-50"}`}
        >
          <h2 className={`text-lg font-semibold ${result.valid ? "text-green-900" : "text-amber-900"}`}>
            {result.valid ? t("genuine") : t("expired")}
          </h2>
          <dl className="mt-3 grid grid-cols-[10rem_1fr] gap-2 text-sm">
            <dt className="font-medium">{t("number")}</dt>
            <dd className="font-mono" data-testid="verify-number">
              {result.number}
            </dd>
            <dt className="font-medium">{t("holder")}</dt>
            <dd data-testid="verify-holder">{result.holderInitials}</dd>
            <dt className="font-medium">{t("school")}</dt>
            <dd>{localName(result.school, locale)}</dd>
            <dt className="font-medium">{t("class")}</dt>
            <dd>{result.classLabel}</dd>
            <dt className="font-medium">{t("validUntil")}</dt>
            <dd>{result.validUntil.toISOString().slice(0, 10)}</dd>
          </dl>
          <p className="mt-3 text-xs text-slate-600">{t("privacy")}</p>
        </section>
      )}
    </div>
  );
}
