/**
 * The demo accounts the seed creates, one per role; scopes point at Akmola region, Kokshetau city and its
 * school No. 1 (`school2`: school No. 2, the other side of a transfer between schools). This module has no runtime imports, so the end-to-end tests read the same list.
 */
import type { Role } from "../../lib/generated/prisma/enums";

export const DEMO_PASSWORD = "Demo-2026!";

export interface DemoAccount {
  login: string;
  displayName: string;
  role: Role;
  /** `provider`: the demo professional development institute (Akmola region's branch of "Orleu"). */
  scope: "republic" | "region" | "district" | "school" | "school2" | "provider";
}

export const DEMO_ACCOUNTS = [
  { login: "ministry", displayName: "Министрлік әкімшісі", role: "MINISTRY_ADMIN", scope: "republic" },
  { login: "region", displayName: "Ақмола облысы әкімшісі", role: "REGION_ADMIN", scope: "region" },
  { login: "district", displayName: "Көкшетау қаласы әкімшісі", role: "DISTRICT_ADMIN", scope: "district" },
  { login: "school", displayName: "№1 мектеп әкімшісі", role: "ORG_ADMIN", scope: "school" },
  { login: "school2", displayName: "№2 мектеп әкімшісі", role: "ORG_ADMIN", scope: "school2" },
  { login: "teacher", displayName: "Айгерім Ахметова", role: "TEACHER", scope: "school" },
  { login: "parent", displayName: "Ерлан Омаров", role: "PARENT", scope: "school" },
  { login: "student", displayName: "Аружан Омарова", role: "STUDENT", scope: "school" },
  { login: "editor", displayName: "Редактор", role: "EDITOR", scope: "republic" },
  { login: "moderator", displayName: "Модератор", role: "MODERATOR", scope: "republic" },
  { login: "lexicographer", displayName: "Лексикограф", role: "LEXICOGRAPHER", scope: "republic" },
  { login: "lexicographer2", displayName: "Лексикограф-сарапшы", role: "LEXICOGRAPHER", scope: "republic" },
  { login: "official", displayName: "Көкшетау қалалық білім бөлімінің басшысы", role: "OFFICIAL", scope: "district" },
  { login: "provider", displayName: "«Өрлеу» Ақмола филиалының әкімшісі", role: "ORG_ADMIN", scope: "provider" },
] as const satisfies readonly DemoAccount[];

/** Further accounts the e-diary seed adds (same demo password): two more teachers and a second parent. */
export const DEMO_EXTRA_ACCOUNTS = [
  { id: "u_teacher2", login: "teacher2", displayName: "Дәулет Серіков", role: "TEACHER" },
  { id: "u_teacher3", login: "teacher3", displayName: "Гүлнар Жұмабаева", role: "TEACHER" },
  { id: "u_parent2", login: "parent2", displayName: "Сәуле Қасымова", role: "PARENT" },
] as const;

/**
 * The TOTP secret (RFC 6238, base32) of the demo administrators on the embedded database only: `npm start`
 * enrols the demo accounts whose roles require a second factor with it and prints it, so the demo and the
 * end-to-end tests can compute codes. A PostgreSQL database never gets it: there every administrator enrols
 * their own factor on first sign-in.
 */
export const DEMO_TOTP_SECRET = "EISODEMOKAZAKHSTANTOTPSECRETKEYS";
