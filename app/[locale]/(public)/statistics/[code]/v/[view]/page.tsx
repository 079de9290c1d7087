// The cached twin of the page above for one view (lib/http/cached-views.ts): rendered once per view,
// kept like a static page and expired by the tags of its data.
export { default, generateMetadata } from "../../page";

export const revalidate = 300;

export function generateStaticParams() {
  return [];
}
