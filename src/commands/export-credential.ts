import { z } from "zod";
import { certificateOfCredential } from "../credentials/credential-certificate.ts";
import { signCredentialBadge } from "./shared/credential-badge.ts";
import { findCredentialByNumber } from "../data/credentials.ts";
import { credentialNumberPattern } from "../domain/credential-number.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

/**
 * An operator's copy of a credential (`npm run cradle -- credential NUMBER`): its signed Open Badge
 * and, when asked, what its certificate shows, in the language asked for (else the holder's, else
 * the association's); the caller draws the PDF after the transaction. Logged like the holder's downloads.
 */
export const exportCredential = defineCommand({
  name: "credential.exported",
  actors: ["system"],
  input: z.object({ number: z.string(), withCertificate: z.boolean(), locale: z.enum(["en", "es"]).optional() }),
  async run({ tx, input, now, context }) {
    const credential =
      (credentialNumberPattern.test(input.number) ? await findCredentialByNumber(tx, input.number) : undefined) ?? refuse({ number: "verification.noneTitle" });
    const badge = await signCredentialBadge(tx, context, credential, now);
    const locale = input.locale ?? credential.holderLocale ?? credential.associationLocale;
    const certificate = input.withCertificate ? await certificateOfCredential(tx, context, credential, locale) : null;
    return done(
      { type: "credential", id: credential.id, associationId: credential.association_id },
      { badge, certificate, createdAt: now },
      { number: credential.number, ...(certificate ? { certificateLocale: locale } : {}) },
    );
  },
});
