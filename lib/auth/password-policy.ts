/**
 * The password policy for accounts created from the command line (the first administrator): long enough,
 * not the published demo password, not one of the passwords people choose most often, not the login.
 * No runtime imports beyond the demo password, so scripts and tests read the same rules.
 */
import { DEMO_PASSWORD } from "../../prisma/seed/accounts";

export const ADMIN_PASSWORD_MIN = 12;

/**
 * Passwords of 12 characters or more that lists of leaked passwords show again and again (keyboard walks,
 * counting, "password"/"admin"/"qwerty" with digits, their Russian and Kazakh transliterations). Compared
 * case-insensitively, ignoring spaces.
 */
const COMMON_PASSWORDS = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123123123123",
  "111111111111",
  "000000000000",
  "123456123456",
  "qwertyuiop12",
  "qwertyuiop123",
  "qwerty123456",
  "qwerty1234567",
  "qwerty123456789",
  "1q2w3e4r5t6y",
  "1qaz2wsx3edc",
  "1qaz2wsx3edc4rfv",
  "zaq12wsx3edc",
  "123qweasdzxc",
  "qweasdzxc123",
  "asdfghjkl123",
  "password1234",
  "password12345",
  "password123456",
  "passw0rd1234",
  "p@ssw0rd1234",
  "p@ssword1234",
  "administrator",
  "administrator1",
  "admin1234567",
  "admin123456789",
  "adminadmin123",
  "welcome12345",
  "welcome123456",
  "iloveyou1234",
  "letmein12345",
  "changeme1234",
  "parol1234567",
  "parol123456789",
  "kazakhstan123",
  "qazaqstan123",
  "kazakhstan2024",
  "kazakhstan2025",
  "kazakhstan2026",
  "astana123456",
  "almaty123456",
  "ministry12345",
  "ministry2026!",
  "eiso12345678",
  "eisoadmin123",
]);

export type PasswordProblem = "tooShort" | "demo" | "common" | "login";

/** What is wrong with a password for an account, or null when it may be used. */
export function passwordProblem(password: string, login?: string): PasswordProblem | null {
  if ([...password].length < ADMIN_PASSWORD_MIN) return "tooShort";
  const folded = password.normalize("NFC").toLowerCase().replace(/\s+/g, "");
  if (folded === DEMO_PASSWORD.toLowerCase() || folded.includes(DEMO_PASSWORD.toLowerCase())) return "demo";
  if (COMMON_PASSWORDS.has(folded) || new Set(folded).size <= 3) return "common";
  if (login && folded.includes(login.toLowerCase())) return "login";
  return null;
}

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  tooShort: `the password must be at least ${ADMIN_PASSWORD_MIN} characters long`,
  demo: "the password is the published demo password",
  common: "the password is one of the most common passwords",
  login: "the password contains the login",
};
