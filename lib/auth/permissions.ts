import type { Role } from "../generated/prisma/enums";

const ADMINS = ["MINISTRY_ADMIN", "REGION_ADMIN", "DISTRICT_ADMIN", "ORG_ADMIN"] as const satisfies Role[];

/**
 * The one permissions table: permission → roles that hold it. What a role may touch is further limited
 * by the scope of its assignment (see scope.ts); every action, query and route handler checks both.
 */
export const PERMISSIONS = {
  "admin.access": [...ADMINS, "EDITOR", "MODERATOR", "LEXICOGRAPHER"],
  "registry.territory.read": [...ADMINS],
  "registry.territory.write": ["MINISTRY_ADMIN", "REGION_ADMIN"],
  "registry.organization.read": [...ADMINS],
  "registry.organization.write": [...ADMINS],
  "registry.person.read": [...ADMINS],
  "registry.person.write": [...ADMINS],
  // custom attributes of organisations (issue 27): the ministry defines them, the registry's writers fill them
  "registry.attributes.manage": ["MINISTRY_ADMIN"],
  "users.manage": [...ADMINS],
  // a one-time password reset code for a pupil or parent without e-mail, within the administrator's scope
  "users.resetCode": [...ADMINS],
  "classifiers.manage": ["MINISTRY_ADMIN"],
  "audit.read": ["MINISTRY_ADMIN"],
  "dictionary.edit": ["LEXICOGRAPHER", "MINISTRY_ADMIN"],
  "dictionary.review": ["LEXICOGRAPHER", "MINISTRY_ADMIN"],
  "reporting.design": ["MINISTRY_ADMIN"],
  "reporting.submit": ["ORG_ADMIN"],
  "reporting.review": ["DISTRICT_ADMIN", "REGION_ADMIN", "MINISTRY_ADMIN"],
  "reporting.accept": ["MINISTRY_ADMIN"],
  // filling every draft of a region from the registry and passport at once (the region's or the ministry's)
  "reporting.prefillRegion": ["MINISTRY_ADMIN", "REGION_ADMIN"],
  // E-diary: school admins set up their school; teachers keep the journal of the classes they teach (homeroom
  // teachers read their whole class); parents read their own children, students themselves.
  "diary.manage": ["ORG_ADMIN"],
  "diary.teach": ["TEACHER"],
  "diary.read": ["PARENT", "STUDENT", "TEACHER", "ORG_ADMIN"],
  // what a student reads is their own diary (and their class's chat); what a parent reads is their children's
  "diary.self": ["STUDENT"],
  "diary.family": ["PARENT"],
  "diary.weights": ["MINISTRY_ADMIN"],
  // authorities see only aggregates of their territory (attendance, quality), never a child
  "diary.aggregates": ["DISTRICT_ADMIN", "REGION_ADMIN", "MINISTRY_ADMIN"],
  "databank.pivot": [...ADMINS],
  // dashboards (issue 27): territorial administrators compose them; any administrator opens those shared with
  // their role inside the owner's territory; the ministry and regions publish them on the public statistics pages
  "dashboards.compose": ["MINISTRY_ADMIN", "REGION_ADMIN", "DISTRICT_ADMIN"],
  "dashboards.read": [...ADMINS],
  "dashboards.publish": ["MINISTRY_ADMIN", "REGION_ADMIN"],
  // open ratings: the ministry for national ratings, a region for the ratings inside its region
  "ratings.manage": ["MINISTRY_ADMIN", "REGION_ADMIN"],
  // Electronic services: parents and students request certificates of study and follow their applications;
  // only parents apply for a child (first grade, transfer, preschool place); staff process applications to
  // organisations within their scope.
  "services.apply": ["PARENT", "STUDENT"],
  "services.applyForChild": ["PARENT"],
  "services.process": [...ADMINS],
  // Data packages (R34–R36): keys and received packages of the organisations in scope; the archive (R26).
  "packages.manage": [...ADMINS],
  "archive.read": [...ADMINS],
  "archive.manage": ["MINISTRY_ADMIN"],
  "search.manage": ["MINISTRY_ADMIN"],
  // Letter registers (R31): administrators keep the registers of their own organisation (a school, their
  // education department, the ministry) and read those of the organisations in their scope.
  "letters.manage": [...ADMINS],
  "letters.read": [...ADMINS],
  // Forums: moderators keep order (queue, hide, lock, silence); officials answer in their authority's open forum.
  "forums.moderate": ["MODERATOR", "MINISTRY_ADMIN"],
  "forums.answer": ["OFFICIAL"],
  // Publications (R16, R21): teachers and staff author methodological materials; editors review and publish,
  // and write official pages (news, announcements, legal acts); an author never approves their own work.
  "publications.write": ["TEACHER", "ORG_ADMIN", "EDITOR", "MINISTRY_ADMIN"],
  "publications.official": ["EDITOR", "MINISTRY_ADMIN"],
  "publications.review": ["EDITOR", "MINISTRY_ADMIN"],
  // The organisation passport (issue 25): a school's admin keeps it; the district admin confirms changes of
  // capacity or condition; authorities read the lists of their territory.
  "passport.manage": ["ORG_ADMIN"],
  "passport.confirm": ["DISTRICT_ADMIN", "MINISTRY_ADMIN"],
  "passport.read": ["DISTRICT_ADMIN", "REGION_ADMIN", "MINISTRY_ADMIN"],
  // The personnel registry (issue 24): a school's admin keeps its staff and vacancies; authorities read their
  // territory's staff; a person reads their own record on the account page (signed in, no permission).
  "staff.manage": ["ORG_ADMIN"],
  "staff.read": [...ADMINS],
  // attestation commissions: the level of each category (lib/staff/rules.ts COMMISSION_LEVEL) picks the role,
  // the role's territory the applications it decides
  "staff.attest": ["DISTRICT_ADMIN", "REGION_ADMIN", "MINISTRY_ADMIN"],
  // professional development: the ministry and regions keep the catalogue of providers and courses; a school's
  // admin (for its staff) or a provider organisation's admin (for its courses) records completions
  "courses.manage": ["MINISTRY_ADMIN", "REGION_ADMIN"],
  "courses.complete": ["ORG_ADMIN"],
  // a provider's administrator (an organisation of kind "professional development institute") keeps its own
  // courses, and marks the attendance and completion of the applicants its schools approved
  "courses.provide": ["ORG_ADMIN"],
  // the import wizard (issue 26); each target also needs its form's permission (organisations, people)
  "import.use": [...ADMINS],
  // historical marks and attendance from another system, for the schools in the importer's scope
  "import.history": [...ADMINS],
  // live MySQL/MariaDB and PostgreSQL sources of an import (connection details given per read, never stored)
  "import.database": ["MINISTRY_ADMIN", "REGION_ADMIN"],
  // the job runner's runs (last run, duration, result, failures) across all instances
  "system.jobs": ["MINISTRY_ADMIN"],
  // outgoing mail (queued, sent, kept without an SMTP server on the demo, failed) and its text
  "mail.read": ["MINISTRY_ADMIN"],
  // Letters are executed by an organisation's staff, never by its pupils or their parents.
  "letters.execute": [...ADMINS, "TEACHER", "OFFICIAL", "EDITOR", "MODERATOR", "LEXICOGRAPHER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
