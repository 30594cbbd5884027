const minute = 60 * 1000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * How much mail one client address or one account can make Cradle send to others (docs/security.md,
 * "Mail"). Counted before the command's transaction, so a refused try still counts.
 */
export const mailRateLimits = {
  /** Sign-ups from one client address: each mails an address the visitor typed. */
  "sign-up:ip": { max: 5, windowMs: hour },
  /** Sign-up tries for one address (the confirmation link, or the notice that it has an account). */
  "sign-up:email": { max: 3, windowMs: hour },
  /** Reference requests one applicant sends. */
  "reference:account": { max: 10, windowMs: day },
  /** Confirmation requests one applicant sends. */
  "confirmation:account": { max: 10, windowMs: day },
  /** Requests of either kind from one applicant to one mailbox. */
  "ask:recipient": { max: 3, windowMs: day },
} as const;
