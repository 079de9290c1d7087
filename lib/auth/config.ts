import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { verifyCredentials } from "./credentials";
import { applyAuthUrl } from "../env";

// redirects on the public origin (PUBLIC_URL), never the bind address or a client-chosen Host
applyAuthUrl();

/** Failures that are part of normal use: a wrong password, a locked account, an expired or forged cookie. */
const EXPECTED_FAILURES = new Set(["CredentialsSignin", "JWTSessionError"]);

export class AccountLocked extends CredentialsSignin {
  code = "locked";
}

/**
 * Sessions are signed JWTs (stateless servers); the JWT only carries the user id. Roles and scopes are
 * loaded from the database on each request (viewer.ts), so a revoked role stops working at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/kk/sign-in" },
  logger: {
    // Expected failures get one line without a stack trace; anything else is logged in full.
    error: (error) => {
      const type = (error as { type?: string }).type;
      if (type && EXPECTED_FAILURES.has(type)) console.warn(`[auth] ${type}: ${error.message.split("\n")[0]}`);
      else console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      authorize: async (credentials) => {
        const result = await verifyCredentials(credentials);
        if (result.ok) return { id: result.user.id, name: result.user.displayName };
        if (result.reason === "locked") throw new AccountLocked();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session: ({ session, token }) => {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
});
