/**
 * The second lock behind the proxy's envelope check (lib/security/action-envelope):
 * a server action uses its form argument only after this says it is one, so
 * a malformed call gets a form error instead of a TypeError (a 500).
 */
export function isActionForm(form: unknown): form is FormData {
  return form instanceof FormData;
}

/** What an action answers a call without a form. */
export const MALFORMED_CALL = { formError: "The request is not valid. Reload the page and try again." } as const;
