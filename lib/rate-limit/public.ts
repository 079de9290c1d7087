/**
 * The per-client-address limits of the public endpoints, in one place. Generous: a person (or a school behind
 * one address) never meets them; a script harvesting or hammering an endpoint does. Each one is counted per
 * minute against `clientAddress()`, in the database, so every instance shares the counts.
 */
import { defineLimit } from ".";

export const PUBLIC_LIMITS = {
  /** Portal search: a query per keystroke pause at most. */
  search: defineLimit("api-search", 120, 60),
  /** Suggestions while typing: several per second for a short while. */
  suggest: defineLimit("api-suggest", 600, 60),
  /** Dictionary look-ups, entries and the word of the day. */
  dictionary: defineLimit("api-dictionary", 300, 60),
  /** Open data (statistics) API. */
  stats: defineLimit("api-stats", 120, 60),
  /** The public definitions as one downloadable HTML or PDF document (generated on each request). */
  definitionsDocument: defineLimit("api-definitions-document", 20, 60),
  /** Ratings API. */
  ratings: defineLimit("api-ratings", 120, 60),
  /** Certificate verification (page): few per person; the codes must not be guessed. */
  certificateVerify: defineLimit("cert-verify", 20, 60),
  /** Signed data package uploads by organisations. */
  packageUpload: defineLimit("api-package-upload", 30, 60),
  /** One-click unsubscribe from mail (a mail client posts once per click). */
  mailUnsubscribe: defineLimit("api-mail-unsubscribe", 60, 60),
} as const;
