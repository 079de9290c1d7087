import type { MetadataRoute } from "next";
import common from "@/messages/kk/common.json";

/** The web app manifest: the portal installs on a phone's home screen (Kazakh, the default locale). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/kk",
    name: `${common.siteName} — ${common.siteFullName}`,
    short_name: common.siteName,
    description: common.siteFullName,
    lang: "kk",
    start_url: "/kk",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#00a3c4",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
