/**
 * Length limits of the account forms, apart from their zod schemas
 * (lib/auth/forms): the browser's forms need the numbers but not zod, whose
 * object schemas probe `Function("")` when built — a CSP violation (no
 * 'unsafe-eval') on every page that ships them.
 */
export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 128;
export const MAX_NAME = 80;
