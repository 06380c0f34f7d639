/** The due-date error that the assignment form answers with a "save it anyway" box (shared with the client form). */
export const PAST_DUE_MESSAGE =
  "This due date has already passed, so every student would be late at once. Pick a later date, or tick \u201cYes, save it with a due date in the past\u201d.";
