/** The portal's sections, in the order of the main menu. */
export const NAV_ITEMS = [
  { key: "statistics", href: "/statistics" },
  { key: "ratings", href: "/ratings" },
  { key: "publications", href: "/publications" },
  { key: "forums", href: "/forums" },
  { key: "dictionary", href: "/dictionary" },
  { key: "diary", href: "/diary" },
  { key: "services", href: "/services" },
  { key: "admin", href: "/admin" },
] as const;

export type SectionKey = (typeof NAV_ITEMS)[number]["key"];
