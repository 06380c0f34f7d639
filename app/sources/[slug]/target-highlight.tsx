"use client";

import { useEffect } from "react";

/**
 * Marks every highlighted run of the fact named in the URL hash
 * (`/sources/<slug>#<fact-id>`) as the target, so the whole cited sentence
 * stands out, not only its first run. Without JavaScript the page still
 * scrolls to the sentence and every quote stays highlighted.
 */
export function TargetHighlight() {
  useEffect(() => {
    const apply = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      document.querySelectorAll("mark.is-target").forEach((m) => m.classList.remove("is-target"));
      if (!/^[a-z0-9-]+$/.test(id)) return;
      const marks = document.querySelectorAll(`mark[data-facts~="${id}"]`);
      marks.forEach((m) => m.classList.add("is-target"));
      marks[0]?.scrollIntoView({ block: "center" });
    };
    apply();
    window.addEventListener("hashchange", apply);
    return () => window.removeEventListener("hashchange", apply);
  }, []);
  return null;
}
