import type { Permission } from "@/lib/auth/permissions";
import type { KeysOf, Messages } from "@/i18n/keys";

/**
 * Admin sections and the permission each needs; the menu shows only those the viewer holds. `provider`: shown
 * only to the administrators of a professional development provider (lib/staff/courses.ts providesCourses).
 */
export const ADMIN_NAV: {
  key: KeysOf<Messages["admin"]["nav"]>;
  href: string;
  permission: Permission;
  provider?: true;
}[] = [
  { key: "dashboard", href: "/admin", permission: "admin.access" },
  { key: "territories", href: "/admin/territories", permission: "registry.territory.read" },
  { key: "organizations", href: "/admin/organizations", permission: "registry.organization.read" },
  { key: "people", href: "/admin/people", permission: "registry.person.read" },
  { key: "attributes", href: "/admin/attributes", permission: "registry.attributes.manage" },
  { key: "users", href: "/admin/users", permission: "users.manage" },
  { key: "classifiers", href: "/admin/classifiers", permission: "classifiers.manage" },
  { key: "audit", href: "/admin/audit", permission: "audit.read" },
  { key: "configuration", href: "/admin/configuration", permission: "admin.access" },
  { key: "dictionary", href: "/admin/dictionary", permission: "dictionary.edit" },
  { key: "reportingForms", href: "/admin/reporting/lists", permission: "reporting.design" },
  { key: "reportingProcesses", href: "/admin/reporting/processes", permission: "reporting.design" },
  { key: "reportingPrefill", href: "/admin/reporting/prefill", permission: "reporting.design" },
  { key: "reporting", href: "/reporting", permission: "reporting.submit" },
  { key: "reportingBoard", href: "/admin/reporting/board", permission: "reporting.review" },
  { key: "reportingReports", href: "/admin/reporting/reports", permission: "reporting.review" },
  { key: "diary", href: "/admin/diary", permission: "diary.manage" },
  { key: "diaryAggregates", href: "/admin/diary/aggregates", permission: "diary.aggregates" },
  { key: "databankPivot", href: "/admin/databank/pivot", permission: "databank.pivot" },
  { key: "dashboards", href: "/admin/dashboards", permission: "dashboards.read" },
  { key: "ratings", href: "/admin/ratings", permission: "ratings.manage" },
  { key: "services", href: "/admin/services", permission: "services.process" },
  { key: "letters", href: "/admin/letters", permission: "letters.read" },
  { key: "passport", href: "/admin/passport", permission: "passport.manage" },
  { key: "passportQueue", href: "/admin/passport/queue", permission: "passport.confirm" },
  { key: "passportLists", href: "/admin/passport/lists", permission: "passport.read" },
  { key: "staff", href: "/admin/staff", permission: "staff.read" },
  { key: "vacancies", href: "/admin/staff/vacancies", permission: "staff.manage" },
  { key: "attestation", href: "/admin/staff/attestation", permission: "staff.attest" },
  { key: "courses", href: "/admin/staff/courses", permission: "courses.manage" },
  { key: "courseApplications", href: "/admin/staff/applications", permission: "staff.manage" },
  { key: "provider", href: "/admin/staff/provider", permission: "courses.provide", provider: true },
  { key: "packages", href: "/admin/packages", permission: "packages.manage" },
  { key: "packageKeys", href: "/admin/packages/keys", permission: "packages.manage" },
  { key: "archive", href: "/admin/archive", permission: "archive.read" },
  { key: "archiveBackups", href: "/admin/archive/backups", permission: "archive.manage" },
  { key: "search", href: "/admin/search", permission: "search.manage" },
  { key: "publications", href: "/admin/publications", permission: "publications.review" },
  { key: "import", href: "/admin/import", permission: "import.use" },
  { key: "jobs", href: "/admin/jobs", permission: "system.jobs" },
  { key: "mail", href: "/admin/mail", permission: "mail.read" },
];
