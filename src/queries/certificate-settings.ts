import { findAssociationLogoFacts } from "../data/association-logos.ts";
import { findLinkedInOrganizationId } from "../data/associations.ts";
import type { MaybeActor } from "../policies/actor.ts";
import type { Reader } from "./reader.ts";
import { associationForStaff } from "./staff.ts";

/** /a/:slug/certificate-settings, for staff: the certificates' logo (its type and size) and the LinkedIn organisation id. */
export async function certificateSettingsPage(reader: Reader, actor: MaybeActor, slug: string) {
  const association = await associationForStaff(reader, actor, slug);
  const [logo, linkedinOrganizationId] = await Promise.all([
    findAssociationLogoFacts(reader.db, association.id),
    findLinkedInOrganizationId(reader.db, association.id),
  ]);
  return {
    association,
    logo: logo ? { type: logo.mediaType === "image/png" ? "PNG" : "JPEG", sizeKb: Math.max(1, Math.round(Number(logo.sizeBytes) / 1024)) } : null,
    linkedinOrganizationId,
  };
}
