import { z } from "zod";
import { route, translator } from "@/lib/http";
import { runById, runOutcomes } from "@/lib/import/runs";
import { reportCsv } from "@/lib/import/dry-run";
import type { ImportTargetName } from "@/lib/import/targets";
import { downloadHeaders } from "@/lib/csv/xlsx";

export const dynamic = "force-dynamic";

/** Every row's outcome of a run as CSV, with the reason in the request's language. */
export const GET = route({
  permission: "import.use",
  params: z.object({ id: z.string().min(1).max(40) }),
  handler: async ({ viewer, params, locale }) => {
    const run = await runById(viewer, params.id);
    const results = await runOutcomes(viewer, run.target as ImportTargetName, run.id);
    const t = translator(locale);
    const csv = reportCsv(results, (key, p) =>
      key.startsWith("reasons.") ? t(`errors.${key.slice(8)}`, p ?? {}) : t(`import.report.${key}`, p ?? {}),
    );
    return new Response(csv, { headers: downloadHeaders("csv", `import-${run.id}`) });
  },
});
