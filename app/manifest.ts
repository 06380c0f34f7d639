import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): what a phone needs to install Factdeck as an app. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Factdeck",
    short_name: "Factdeck",
    description: "Quizzes and flashcards from documented facts, each one cited to the sentence it came from.",
    id: "/",
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#1d4ed8",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
