/** What LinkedIn's "add a certification to your profile" form is prefilled with. */
export type LinkedInCertification = {
  /** The certification's name as it shows on the profile: the category. */
  name: string;
  /** The issuer's LinkedIn company page id, when the association set one: LinkedIn then shows its page and logo. */
  organizationId: string | null;
  organizationName: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  /** Where anyone reading the profile checks it: the verification page. */
  certUrl: string;
  certId: string;
};

/**
 * LinkedIn's "add to profile" link for a certification (its documented `startTask=CERTIFICATION_NAME`
 * parameters): the issuer by its organisation id when there is one, else by its name.
 */
export function linkedInAddToProfileUrl(certification: LinkedInCertification): string {
  const [year, month] = certification.issuedOn.split("-");
  const params = new URLSearchParams({ startTask: "CERTIFICATION_NAME", name: certification.name });
  if (certification.organizationId) params.set("organizationId", certification.organizationId);
  else params.set("organizationName", certification.organizationName);
  params.set("issueYear", String(Number(year)));
  params.set("issueMonth", String(Number(month)));
  params.set("certUrl", certification.certUrl);
  params.set("certId", certification.certId);
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}
