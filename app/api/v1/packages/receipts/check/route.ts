import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { route, translator } from "@/lib/http";
import { checkReceipt } from "@/lib/packages/crypto";
import { reasonText } from "@/lib/packages/reasons";
import { serverKey } from "@/lib/packages/server-key";
import { runtimeKeys } from "@/i18n/keys";

export const dynamic = "force-dynamic";

const MAX = 256 * 1024;

/**
 * Checks a receipt (the body, as text) against this server's key: `{ valid, problem?, receipt?, reasons }`
 * with the reasons in words (`?locale=`). Public: a receipt holds no personal data.
 */
export const POST = route({
  access: "public",
  handler: async ({ request, locale }) => {
    if (Number(request.headers.get("content-length") ?? 0) > MAX) throw new AppError("badRequest");
    const text = await request.text();
    if (text.length > MAX) throw new AppError("badRequest");
    const key = await serverKey();
    const result = checkReceipt(text, key);
    const t = translator(locale);
    const receipt = result.receipt;
    return NextResponse.json(
      {
        valid: result.ok,
        problem: result.ok ? null : t(`packages.check.problem.${result.reason}`),
        receipt: receipt?.receipt ?? null,
        reasons: receipt ? receipt.receipt.reasons.map((r) => reasonText(runtimeKeys(t), r)) : [],
        serverKeyId: key.keyId,
      },
      { headers: { "cache-control": "no-store" } },
    );
  },
});
