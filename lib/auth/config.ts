import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { cache } from "react";
import { prisma } from "../db";
import { clientAddress, clientProtocol } from "../http/client";
import { verifyCredentials } from "./credentials";
import { applyAuthUrl } from "../env";
import {
  CHALLENGE_MINUTES,
  checkSecondFactorCode,
  claimChallenge,
  endChallenge,
  hasSecondFactor,
  isTrustedDevice,
  sha256,
  startChallenge,
  TRUSTED_DEVICE_DAYS,
  trustDevice,
} from "./second-factor";
import { recordSecurityEvent } from "./security-audit";
import { checkSession, createSession, MAX_SESSION_SECONDS, revokeSession } from "./sessions";

// redirects on the public origin (PUBLIC_URL), never the bind address or a client-chosen Host
applyAuthUrl();

/** Failures that are part of normal use: a wrong password, a locked account, an expired or forged cookie. */
const EXPECTED_FAILURES = new Set(["CredentialsSignin", "JWTSessionError"]);

/** The sign-in waiting for its second factor (5 minutes) and the remembered browser (30 days): httpOnly cookies. */
export const CHALLENGE_COOKIE = "eiso-signin-challenge";
export const DEVICE_COOKIE = "eiso-trusted-device";

export class AccountLocked extends CredentialsSignin {
  code = "locked";
}
/** The password was right; the second factor is asked for next. */
export class SecondFactorRequired extends CredentialsSignin {
  code = "second-factor";
}
export class WrongSecondFactor extends CredentialsSignin {
  code = "wrong-code";
}
/** The second-factor step has expired, was used up or answered already (a replay): start again. */
export class ChallengeExpired extends CredentialsSignin {
  code = "challenge-expired";
}

/** One primary-key read of the session row per request (React's cache lasts one server request). */
const checkSessionOnce = cache((id: string) => checkSession(id));

/** A short, non-secret tag of the session, so the security page can mark "this browser". */
export const sessionTag = (sessionId: string) => sha256(sessionId).slice(0, 16);

/**
 * Sessions are signed JWTs that carry the user id and the id of a Session row. Every request checks the row
 * (revoked, idle or past its absolute end → the token is refused and its cookie cleared), so signing out and
 * the other ways of ending sessions work at once. Roles and scopes are loaded on each request (viewer.ts).
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // the cookie's own lifetime; the session row's idle and absolute ends decide earlier (lib/auth/sessions.ts)
  session: { strategy: "jwt", maxAge: MAX_SESSION_SECONDS },
  pages: { signIn: "/kk/sign-in" },
  logger: {
    // Expected failures get one line without a stack trace; anything else is logged in full.
    error: (error) => {
      const type = (error as { type?: string }).type;
      if (type === "JWTSessionError")
        void recordSecurityEvent({ userId: null, action: "refuse", entity: "Session", detail: "forged session token" });
      if (type && EXPECTED_FAILURES.has(type)) console.warn(`[auth] ${type}: ${error.message.split("\n")[0]}`);
      else console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { login: {}, password: {}, code: {}, remember: {} },
      authorize: async (credentials, request) => {
        const address = clientAddress(request.headers);
        const client = { userAgent: request.headers.get("user-agent"), address };
        const jar = await cookies();
        const secure = clientProtocol(request.headers) === "https";

        // Second step: the code of the sign-in whose password was right.
        if (typeof credentials.code === "string" && credentials.code) {
          const challenge = jar.get(CHALLENGE_COOKIE)?.value ?? "";
          const userId = await claimChallenge(challenge);
          if (!userId) {
            await recordSecurityEvent({
              userId: null,
              action: "refuse",
              entity: "SignIn",
              detail: "expired second-factor step",
              address,
            });
            throw new ChallengeExpired();
          }
          if (!(await checkSecondFactorCode(userId, credentials.code.slice(0, 32)))) throw new WrongSecondFactor();
          if (!(await endChallenge(challenge))) {
            await recordSecurityEvent({
              userId,
              action: "refuse",
              entity: "SignIn",
              detail: "replayed sign-in",
              address,
            });
            throw new ChallengeExpired();
          }
          jar.delete(CHALLENGE_COOKIE);
          const user = await prisma.user.findUnique({ where: { id: userId } });
          if (!user?.active) throw new ChallengeExpired();
          if (credentials.remember === "on") {
            jar.set(DEVICE_COOKIE, await trustDevice(userId), {
              httpOnly: true,
              sameSite: "lax",
              secure,
              path: "/",
              maxAge: TRUSTED_DEVICE_DAYS * 86_400,
            });
          }
          return { id: user.id, name: user.displayName, sessionId: await createSession(user.id, client) };
        }

        const result = await verifyCredentials(credentials, { address });
        if (!result.ok) {
          if (result.reason === "locked") throw new AccountLocked();
          return null;
        }
        const { user } = result;
        if ((await hasSecondFactor(user.id)) && !(await isTrustedDevice(user.id, jar.get(DEVICE_COOKIE)?.value))) {
          jar.set(CHALLENGE_COOKIE, await startChallenge(user.id), {
            httpOnly: true,
            sameSite: "strict",
            secure,
            path: "/",
            maxAge: CHALLENGE_MINUTES * 60,
          });
          throw new SecondFactorRequired();
        }
        return { id: user.id, name: user.displayName, sessionId: await createSession(user.id, client) };
      },
    }),
  ],
  callbacks: {
    jwt: async ({ token, user }) => {
      if (user?.id) {
        token.uid = user.id;
        token.sid = (user as { sessionId?: string }).sessionId;
        return token;
      }
      if (typeof token.sid !== "string") return null;
      const check = await checkSessionOnce(token.sid);
      if (check.ok) return token;
      if (check.reason === "revoked")
        await recordSecurityEvent({
          userId: typeof token.uid === "string" ? token.uid : null,
          action: "refuse",
          entity: "Session",
          entityId: sessionTag(token.sid),
          detail: "ended session token used",
        });
      return null;
    },
    session: ({ session, token }) => {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sid === "string") (session as { sessionTag?: string }).sessionTag = sessionTag(token.sid);
      return session;
    },
  },
  events: {
    signOut: async (message) => {
      const token = "token" in message ? message.token : null;
      if (token && typeof token.sid === "string" && typeof token.uid === "string")
        await revokeSession(token.uid, token.sid);
    },
  },
});
