"use client";

import { useEffect, useState } from "react";
import { keyboardShortcutsOn, setKeyboardShortcuts } from "../review/[deckId]/keyboard-preference";

/** Turns the review screen's single-key shortcuts on or off on this device (WCAG 2.1.4). */
export function KeyboardSetting() {
  const [on, setOn] = useState(true);
  const [saved, setSaved] = useState(false);
  // localStorage exists only in the browser: read after hydration.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setOn(keyboardShortcutsOn()), []);
  return (
    <fieldset className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
      <legend className="px-1 font-medium">On this device</legend>
      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          className="size-5"
          checked={on}
          onChange={(e) => {
            setKeyboardShortcuts(e.target.checked);
            setOn(e.target.checked);
            setSaved(true);
          }}
        />
        <span>Keyboard shortcuts while reviewing (Space, Enter, 1–4, u)</span>
      </label>
      <p className="text-sm text-muted" aria-live="polite">
        {saved ? (on ? "Shortcuts are on." : "Shortcuts are off: single keys do nothing on the review screen.") : "Turn them off if single keys get pressed by accident (a speech or switch input)."}
      </p>
    </fieldset>
  );
}
