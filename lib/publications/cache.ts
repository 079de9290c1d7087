import "server-only";
/**
 * Cached public reads, tagged PUBLICATIONS_TAG (expired by publishing, unpublishing, ratings and comments)
 * and bounded in time so that scheduled publications appear within a minute of their moment.
 */
import { unstable_cache } from "next/cache";
import { PUBLICATIONS_TAG } from "./cache-tag";
import { authorProfile, filterOptions, getPublished, listPublished, type ListQuery } from "./public";
import { listComments } from "./discussion";

const options = { tags: [PUBLICATIONS_TAG], revalidate: 60 };

export const cachedList = unstable_cache(
  (query: ListQuery, locale: string) => listPublished(query, locale),
  ["publications:list:1"],
  options,
);
export const cachedPublication = unstable_cache(
  (id: string, locale: string) => getPublished(id, locale),
  ["publications:one:1"],
  options,
);
export const cachedAuthor = unstable_cache(
  (userId: string, locale: string) => authorProfile(userId, locale),
  ["publications:author:1"],
  options,
);
export const cachedFilterOptions = unstable_cache(
  (locale: string) => filterOptions(locale),
  ["publications:filters:1"],
  { tags: [PUBLICATIONS_TAG], revalidate: 3600 },
);
/** Visible comments only (the same for everyone); personal ones come through the reader's panel. */
export const cachedComments = unstable_cache(
  (id: string) => listComments(null, id),
  ["publications:comments:1"],
  options,
);
