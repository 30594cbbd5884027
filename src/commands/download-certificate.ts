import { z } from "zod";
import { certificateOfCredential } from "../credentials/credential-certificate.ts";
import { findCredentialOfHolder } from "../data/credentials.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

/**
 * What the holder's certificate shows, in the language asked for (else the holder's, else the
 * association's); the route draws the PDF after the transaction. Logged, as every download of a
 * person's record is; anyone else is told it does not exist.
 */
export const downloadCertificate = defineCommand({
  name: "credential.certificate-downloaded",
  actors: ["person"],
  input: z.object({ credentialId: z.string(), locale: z.enum(["en", "es"]).optional() }),
  async run({ tx, actor, input, now, context }) {
    const credential = (await findCredentialOfHolder(tx, input.credentialId, actor.userId)) ?? refuse({ form: "portfolio.notFound" });
    const locale = input.locale ?? credential.holderLocale ?? credential.associationLocale;
    const certificate = await certificateOfCredential(tx, context, credential, locale);
    return done(
      { type: "credential", id: credential.id, associationId: credential.association_id },
      { certificate, createdAt: now },
      { number: credential.number, locale },
    );
  },
});
