/**
 * A credential's public number: the association's prefix, the category's abbreviation, the year of
 * issue and a sequence of at least four digits (SC-IFS-2026-0042). Stable for the credential's life:
 * renewal, lapse and reinstatement keep it.
 */
export function credentialNumber(parts: { prefix: string; abbreviation: string; year: number; sequence: number }): string {
  const abbreviation = parts.abbreviation
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${parts.prefix}-${abbreviation}-${parts.year}-${String(parts.sequence).padStart(4, "0")}`;
}

/**
 * The prefixes an association without one of its own may take, best first: the first part of its
 * address in capitals (sc-imh: SC), the whole address, then the address with a number. The first
 * one no other association holds becomes its prefix.
 */
export function prefixCandidates(slug: string): string[] {
  const capitals = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, "");
  const whole = capitals(slug).slice(0, 10) || "CRADLE";
  const first = capitals(slug.split("-").find((part) => part.length > 0) ?? "").slice(0, 10);
  const numbered = Array.from({ length: 98 }, (_, index) => `${whole.slice(0, 8)}${index + 2}`);
  return [...new Set([first, whole, ...numbered].filter((prefix) => prefix.length > 0))];
}

/** What a number looks like, to answer an address that cannot be one without asking the database. */
export const credentialNumberPattern = /^[A-Z0-9]{1,10}-[A-Z0-9-]{1,20}-[0-9]{4}-[0-9]{4,}$/;

/** What a holder may publish on the verification page beyond their name and the credential itself. */
export const verificationFields = ["issued", "renewalDue", "email", "employer"] as const;
/** What a holder may publish: those fields, and a listing in the association's public registry (name, category and number). */
export const publishableFields = [...verificationFields, "registry"] as const;
export type PublishableField = (typeof publishableFields)[number];

/** The public verification page of a credential: the badge's id, the certificate's QR code, the LinkedIn certificate URL. */
export const verifyUrlOf = (baseUrl: string, number: string) => `${baseUrl}/verify/${number}`;
