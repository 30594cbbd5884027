import { z } from "zod";
import { isDrawableLogo } from "../credentials/certificate-pdf.ts";
import { saveAssociationLogo } from "../data/association-logos.ts";
import type { LogoMediaType } from "../data/schema.ts";
import { sniffFileType } from "../domain/sniff-file-type.ts";
import { maxLogoBytes } from "../limits.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

const logo = z
  .instanceof(Uint8Array, { message: "import.noFile" })
  .refine((bytes) => bytes.length > 0, "import.noFile")
  .refine((bytes) => bytes.length <= maxLogoBytes, "certificateSettings.error.logoTooBig");

const logoTypes: readonly string[] = ["image/png", "image/jpeg"] satisfies LogoMediaType[];

/** Staff set the logo on their association's certificates: a PNG or JPEG by its content (not its name) that decodes. */
export const setAssociationLogo = defineCommand({
  name: "association.logo-set",
  actors: ["person"],
  input: z.object({ associationId: z.uuid(), logo }),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  // Decoding the image is slow work that needs no lock: done before the transaction.
  async prepare(input) {
    const mediaType = sniffFileType(input.logo)?.mediaType;
    if (!mediaType || !logoTypes.includes(mediaType)) refuse({ logo: "certificateSettings.error.logoType" });
    const checked = { mediaType: mediaType as LogoMediaType, bytes: input.logo };
    if (!(await isDrawableLogo(checked))) refuse({ logo: "certificateSettings.error.logoType" });
    return checked;
  },
  async run({ tx, input, now, prepared }) {
    await saveAssociationLogo(tx, input.associationId, prepared, now);
    return done({ type: "association", id: input.associationId, associationId: input.associationId }, null, {
      mediaType: prepared.mediaType,
      sizeBytes: prepared.bytes.length,
    });
  },
});
