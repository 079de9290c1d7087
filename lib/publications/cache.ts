import "server-only";
/**
 * Cached public reads, tagged `publications` (expired by publishing, unpublishing, ratings and comments)
 * and bounded in time so that scheduled publications appear within a minute of their moment.
 */
import { cached, TAGS } from "../cache";
import { authorProfile, filterOptions, getPublished, listPublished, type ListQuery } from "./public";
import { listComments } from "./discussion";

const options = { tags: [TAGS.publications], revalidate: 60 };

export const cachedList = cached(
  (query: ListQuery, locale: string) => listPublished(query, locale),
  ["publications:list:1"],
  options,
);
export const cachedPublication = cached(
  (id: string, locale: string) => getPublished(id, locale),
  ["publications:one:1"],
  options,
);
export const cachedAuthor = cached(
  (userId: string, locale: string) => authorProfile(userId, locale),
  ["publications:author:1"],
  options,
);
export const cachedFilterOptions = cached((locale: string) => filterOptions(locale), ["publications:filters:1"], {
  tags: [TAGS.publications],
  revalidate: 3600,
});
/** Visible comments only (the same for everyone); personal ones come through the reader's panel. */
export const cachedComments = cached((id: string) => listComments(null, id), ["publications:comments:1"], options);
