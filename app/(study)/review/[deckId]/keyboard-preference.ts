/**
 * Whether the review screen's single-key shortcuts are on, on this device
 * (WCAG 2.1.4: a student can turn them off in Settings). Kept in
 * localStorage: it is about the keyboard in front of the student.
 */
export const KEYS_PREFERENCE = "factdeck:review-keys";

export function keyboardShortcutsOn(): boolean {
  try {
    return localStorage.getItem(KEYS_PREFERENCE) !== "off";
  } catch {
    return true;
  }
}

export function setKeyboardShortcuts(on: boolean): void {
  localStorage.setItem(KEYS_PREFERENCE, on ? "on" : "off");
}
