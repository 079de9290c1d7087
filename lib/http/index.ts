import "server-only";
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { AppError, HTTP_STATUS, errorMessageKey } from "../errors";
import { errorFromUnknown } from "../actions/prisma-errors";
import { isLocale, routing } from "@/i18n/routing";
import { runtimeKeys } from "@/i18n/keys";

/** The one JSON error shape of every route handler: `{ error: { code, message } }`. */
export async function errorResponse(error: unknown, request?: Request): Promise<NextResponse> {
  const appError = error instanceof AppError ? error : errorFromUnknown(error);
  const requested = request ? new URL(request.url).searchParams.get("locale") : null;
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: "errors" });
  return NextResponse.json(
    { error: { code: appError.code, message: runtimeKeys(t)(errorMessageKey(appError.code), appError.params) } },
    { status: HTTP_STATUS[appError.code] },
  );
}
