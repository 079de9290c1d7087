import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { StatusBadge, type BadgeTone } from "@/components/ui/status-badge";
import { PageHeader } from "@/components/admin/page-header";

const TABS = [
  { key: "buildings", href: "/admin/passport" },
  { key: "profile", href: "/admin/passport/profile" },
  { key: "budget", href: "/admin/passport/budget" },
] as const;

/** The school admin's passport sections. */
export async function PassportTabs({ current }: { current: (typeof TABS)[number]["key"] }) {
  const t = await getTranslations("passport");
  return (
    <nav className="mb-4 flex flex-wrap gap-1 border-b border-slate-200" aria-label={t("title")}>
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={current === tab.key ? "page" : undefined}
          data-testid={`tab-${tab.key}`}
          className={`rounded-t px-4 py-2 text-sm no-underline ${current === tab.key ? "border border-b-white border-slate-200 bg-white font-semibold" : "text-slate-600 hover:text-slate-900"}`}
        >
          {t(`tabs.${tab.key}`)}
        </Link>
      ))}
    </nav>
  );
}

const STATUS_TONES: Record<string, BadgeTone> = { PENDING: "warning", CONFIRMED: "success", REJECTED: "cancelled" };
const CONDITION_TONES: Record<string, BadgeTone> = { NORMAL: "success", NEEDS_REPAIR: "warning", EMERGENCY: "danger" };

export function ChangeStatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <StatusBadge tone={STATUS_TONES[status] ?? "neutral"} status={status} label={label} data-testid="change-status" />
  );
}

export function ConditionBadge({ condition, label }: { condition: string; label: string }) {
  return (
    <StatusBadge
      tone={CONDITION_TONES[condition] ?? "neutral"}
      status={condition}
      label={label}
      data-testid="condition"
    />
  );
}

/** A school admin's passport page when their role names no organisation: the title and why there is nothing. */
export async function NoPassport() {
  const t = await getTranslations("passport");
  return (
    <div>
      <PageHeader title={t("title")} />
      <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("noOrganization")}</p>
    </div>
  );
}
