/** The 15 sections of the central archive (R27); forms and data sets are filed under one of them. */
export const ARCHIVE_SECTIONS = [
  "childRights",
  "inclusive",
  "preschool",
  "primary",
  "basicSecondary",
  "generalSecondary",
  "tvet",
  "additional",
  "postSecondary",
  "higher",
  "postgraduate",
  "research",
  "practiceEmployment",
  "professionalDevelopment",
  "performanceRegister",
] as const;

export type ArchiveSection = (typeof ARCHIVE_SECTIONS)[number];
