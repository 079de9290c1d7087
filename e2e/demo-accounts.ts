/**
 * The demo accounts that the seed creates (prisma/seed/index.ts, DEMO_ACCOUNTS and DEMO_PASSWORD), as the
 * end-to-end tests see them. The seed module itself is not imported: it pulls in the whole seed and its
 * modules, which Playwright's loader does not always handle (JSON imports). Keep the two lists equal; the
 * "every demo account" test fails on an account that the seed no longer creates.
 */
export const DEMO_PASSWORD = "Demo-2026!";

export const DEMO_ACCOUNTS = [
  { login: "ministry", displayName: "Министрлік әкімшісі", role: "MINISTRY_ADMIN" },
  { login: "region", displayName: "Ақмола облысы әкімшісі", role: "REGION_ADMIN" },
  { login: "district", displayName: "Көкшетау қаласы әкімшісі", role: "DISTRICT_ADMIN" },
  { login: "school", displayName: "№1 мектеп әкімшісі", role: "ORG_ADMIN" },
  { login: "teacher", displayName: "Айгерім Ахметова", role: "TEACHER" },
  { login: "parent", displayName: "Ерлан Омаров", role: "PARENT" },
  { login: "student", displayName: "Аружан Омарова", role: "STUDENT" },
  { login: "editor", displayName: "Редактор", role: "EDITOR" },
  { login: "moderator", displayName: "Модератор", role: "MODERATOR" },
  { login: "lexicographer", displayName: "Лексикограф", role: "LEXICOGRAPHER" },
  { login: "lexicographer2", displayName: "Лексикограф-сарапшы", role: "LEXICOGRAPHER" },
  { login: "official", displayName: "Көкшетау қалалық білім бөлімінің басшысы", role: "OFFICIAL" },
] as const;
