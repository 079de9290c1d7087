/**
 * A credentials sign-in over HTTP, as the sign-in page does it (next-auth's CSRF token, then the credentials,
 * then the second factor's code where the account has one): for the benches and the cluster test, which talk
 * to a running server.
 */
import { generate } from "otplib";
import { DEMO_PASSWORD } from "../prisma/seed/accounts";

/** The cookies a response sets, name → value. */
export function cookiePairs(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(";", 1)[0]!;
    const eq = pair.indexOf("=");
    if (eq > 0) out.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return out;
}

/**
 * A credentials sign-in through next-auth at `origin`; returns the session's Cookie header. With `totpSecret`
 * (an account with a second factor) the second step sends the code computed from it, as the sign-in page does.
 */
export async function signIn(
  origin: string,
  login: string,
  password = DEMO_PASSWORD,
  totpSecret?: string,
): Promise<string> {
  const csrfRes = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiePairs(csrfRes);
  const post = (fields: Record<string, string>) =>
    fetch(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
      },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${origin}/kk`, ...fields }),
    });
  let res = await post({ login, password });
  if (totpSecret) {
    for (const [name, value] of cookiePairs(res)) jar.set(name, value);
    res = await post({ code: await generate({ secret: totpSecret }) });
  }
  const session = [...cookiePairs(res)].find(([name]) => name.endsWith("authjs.session-token"));
  if (!session) throw new Error(`sign-in as ${login} gave no session cookie (status ${res.status})`);
  return `${session[0]}=${session[1]}`;
}
