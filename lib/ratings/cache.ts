import "server-only";
/**
 * Cached public reads of the published ratings, tagged `ratings`; publishing a rating expires the tag.
 * Nothing personal goes through the cache.
 */
import { cached, TAGS } from "../cache";
import { entityCard, methodView, publishedMethods, ratingView } from "./public";

const options = { tags: [TAGS.ratings], revalidate: 3600 };

export const cachedPublishedMethods = cached(() => publishedMethods(), ["ratings:methods:1"], options);
export const cachedRatingView = cached(
  (code: string, year: number | null) => ratingView(code, year),
  ["ratings:view:1"],
  options,
);
export const cachedEntityCard = cached(
  (code: string, entity: string, year: number | null) => entityCard(code, entity, year),
  ["ratings:card:1"],
  options,
);
export const cachedMethodView = cached(
  (code: string, version: number | null) => methodView(code, version),
  ["ratings:method:1"],
  options,
);
