import type { Permission } from "@/lib/auth/permissions";

/** The portal's sections open to everyone, in the order of the main menu. */
export const NAV_ITEMS = [
  { key: "statistics", href: "/statistics" },
  { key: "ratings", href: "/ratings" },
  { key: "publications", href: "/publications" },
  { key: "forums", href: "/forums" },
  { key: "dictionary", href: "/dictionary" },
  { key: "diary", href: "/diary" },
  { key: "services", href: "/services" },
] as const;

/**
 * Areas shown only to those who hold a permission (on the signed-in person's pages, filtered on the server):
 * the administration is not offered to a parent or a pupil, who would only get "no access".
 */
export const RESTRICTED_ITEMS = [{ key: "admin", href: "/admin", permission: "admin.access" }] as const satisfies {
  key: string;
  href: string;
  permission: Permission;
}[];

export type SectionKey = (typeof NAV_ITEMS)[number]["key"] | (typeof RESTRICTED_ITEMS)[number]["key"];
