import type { z } from "zod";

type Translate = { (key: string, params?: Record<string, string | number>): string; has(key: string): boolean };

/**
 * Turns zod issues into localised messages, one per field. A schema may give a message key of its own
 * (e.g. "iin.checksum", looked up under `errors.`); otherwise the issue code picks a generic message.
 */
export function translateIssues(issues: z.core.$ZodIssue[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.join(".") || "_form";
    if (out[field]) continue;
    out[field] = translateIssue(issue, t);
  }
  return out;
}

function translateIssue(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.message && t.has(`errors.${issue.message}`)) return t(`errors.${issue.message}`);
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? t("errors.validation.required")
          : t("errors.validation.tooShort", { min: Number(issue.minimum) });
      return t("errors.validation.tooSmall", { min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("errors.validation.tooLong", { max: Number(issue.maximum) });
      return t("errors.validation.tooBig", { max: Number(issue.maximum) });
    case "invalid_value":
      return t("errors.validation.invalidOption");
    case "invalid_type":
      return issue.input === undefined || issue.input === ""
        ? t("errors.validation.required")
        : t("errors.validation.invalidType");
    default:
      return t("errors.validation.invalidFormat");
  }
}
