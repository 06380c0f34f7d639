"use client";

import { useState } from "react";

/** "Copy link": the join link onto the clipboard, with a spoken confirmation; where the clipboard is refused, the link is selected to copy by hand. */
export function CopyLink({ link, targetId }: { link: string; targetId: string }) {
  const [said, setSaid] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setSaid("Link copied.");
    } catch {
      const el = document.getElementById(targetId);
      if (el) window.getSelection()?.selectAllChildren(el);
      setSaid("Copying is blocked here: the link is selected, copy it with Ctrl+C (⌘C).");
    }
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" onClick={copy} className="rounded-md bg-accent px-4 py-2 font-semibold text-white hover:bg-blue-800">
        Copy link
      </button>
      <span role="status" className="text-sm text-green-800">
        {said}
      </span>
    </span>
  );
}
