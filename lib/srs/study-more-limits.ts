/** At most this many extra new cards per deck and study day ("more new cards today", all requests together). */
export const MORE_NEW_MAX_PER_DAY = 100;
/** "Review ahead" reaches at most this many days past today. */
export const REVIEW_AHEAD_MAX_DAYS = 30;
