"use server";

import { AuthError } from "next-auth";
import { getLocale, getTranslations } from "next-intl/server";
import { unstable_rethrow } from "next/navigation";
import { signIn, signOut } from "./config";
import { LOCK_MINUTES } from "./credentials";

export interface SignInState {
  error?: string;
  login?: string;
}

/** Only same-site paths are accepted as the page to return to after signing in. */
function safeCallback(value: FormDataEntryValue | null, locale: string): string {
  const v = typeof value === "string" ? value : "";
  // a control character (a newline) would break the redirect's Location header
  const plain = !/[\u0000-\u001f\u007f]/.test(v);
  return plain && v.startsWith("/") && !v.startsWith("//") && !v.includes("\\") ? v : `/${locale}/account`;
}

// Not made by action()/signedInAction(): signing in has no session yet, and next-auth answers with a redirect.
export async function signInAction(_previous: SignInState | null, formData: FormData): Promise<SignInState> {
  const locale = await getLocale();
  const t = await getTranslations("auth");
  const login = String(formData.get("login") ?? "");
  try {
    await signIn("credentials", {
      login,
      password: String(formData.get("password") ?? ""),
      redirectTo: safeCallback(formData.get("callbackUrl"), locale),
    });
    return {};
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { login, error: code === "locked" ? t("locked", { minutes: LOCK_MINUTES }) : t("invalid") };
    }
    throw error;
  }
}

// Not made by signedInAction(): it takes no input and ends with next-auth's redirect, even when already signed out.
export async function signOutAction(): Promise<void> {
  const locale = await getLocale();
  await signOut({ redirectTo: `/${locale}?signedOut=1` });
}
