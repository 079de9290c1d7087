import "server-only";
/**
 * The forums as a reader without a session sees them — the category list, a category with its thread list and
 * an open forum's answer figures — cached with the tag `forums` (expired by new threads and replies and by
 * moderation) and bounded in time, for the pages' cached twins (`CACHED_VIEWS`, signed-out readers only).
 */
import { cached, TAGS } from "../cache";
import { AppError } from "../errors";
import { getCategory, listCategories, listThreads } from "./forums";
import { answerStats } from "./open";

const options = { tags: [TAGS.forums], revalidate: 60 };

export const cachedCategories = cached(() => listCategories(null), ["forums:categories:1"], options);
/** The category of a slug, or null when there is none a reader without a session may read. */
export const cachedCategory = cached(
  (slug: string) => getCategory(null, slug).catch((e) => (e instanceof AppError ? null : Promise.reject(e))),
  ["forums:category:1"],
  options,
);
export const cachedThreads = cached(
  (categoryId: string, page: number) => listThreads(null, categoryId, page),
  ["forums:threads:1"],
  options,
);
export const cachedAnswerStats = cached(
  (categoryId: string) => answerStats(null, categoryId),
  ["forums:stats:1"],
  options,
);
