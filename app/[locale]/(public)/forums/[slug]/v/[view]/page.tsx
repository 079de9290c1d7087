// The cached twin of the page above for readers without a session (lib/http/cached-views.ts): rendered once
// per view as nobody is signed in, kept like a static page and expired by the tag `forums`.
export { default, generateMetadata } from "../../page";

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}
