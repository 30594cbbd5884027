import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import type { Db } from "./database.ts";
import { openSealedSecretKey, sealSecretKey } from "../credentials/seal-secret-key.ts";

/**
 * An association's active key, opened for signing. The secret half stays inside `signer`, so
 * logging or returning this object shows only the public key.
 */
export type SigningKey = {
  associationId: string;
  publicKeyMultibase: string;
  /** A signer for Digital Bazaar's suites, naming `verificationMethod` (the controller document's `#key-1`). */
  signer(verificationMethod: string, controller: string): Promise<unknown>;
};

const boundTo = (associationId: string, publicKeyMultibase: string) => `${associationId} ${publicKeyMultibase}`;

/**
 * The association's active key, made on first use inside the caller's transaction (so a credential
 * and the key that signed it commit together). Two first uses at once: the unique index keeps one,
 * and the other reads it.
 */
export async function keyOfAssociation(tx: Db, associationId: string, secret: string): Promise<SigningKey> {
  const existing = await activeKeyRow(tx, associationId);
  if (existing) return opened(existing, associationId, secret);
  const keyPair = await Ed25519Multikey.generate();
  const { publicKeyMultibase, secretKeyMultibase } = await keyPair.export({ publicKey: true, secretKey: true });
  if (!secretKeyMultibase) throw new Error("The new key pair has no secret key.");
  await tx
    .insertInto("association_signing_keys")
    .values({ association_id: associationId, public_key_multibase: publicKeyMultibase, sealed_secret_key: sealSecretKey(secretKeyMultibase, secret, boundTo(associationId, publicKeyMultibase)) })
    .onConflict((conflict) => conflict.column("association_id").where("retired_at", "is", null).doNothing())
    .execute();
  const row = await activeKeyRow(tx, associationId);
  if (!row) throw new Error(`No signing key for association ${associationId}.`);
  return opened(row, associationId, secret);
}

/** The association's active key, opened for signing, or undefined before its first credential (a reader makes none). */
export async function findKeyOfAssociation(db: Db, associationId: string, secret: string): Promise<SigningKey | undefined> {
  const row = await activeKeyRow(db, associationId);
  return row ? opened(row, associationId, secret) : undefined;
}

/** The public half of the association's active key, for its controller document; none before its first credential. */
export async function findPublicKeyOfAssociation(db: Db, associationId: string): Promise<string | undefined> {
  const row = await db.selectFrom("association_signing_keys").select("public_key_multibase").where("association_id", "=", associationId).where("retired_at", "is", null).executeTakeFirst();
  return row?.public_key_multibase;
}

function activeKeyRow(tx: Db, associationId: string) {
  return tx
    .selectFrom("association_signing_keys")
    .select(["public_key_multibase", "sealed_secret_key"])
    .where("association_id", "=", associationId)
    .where("retired_at", "is", null)
    .executeTakeFirst();
}

function opened(row: { public_key_multibase: string; sealed_secret_key: string }, associationId: string, secret: string): SigningKey {
  const publicKeyMultibase = row.public_key_multibase;
  const secretKeyMultibase = openSealedSecretKey(row.sealed_secret_key, secret, boundTo(associationId, publicKeyMultibase));
  return {
    associationId,
    publicKeyMultibase,
    async signer(verificationMethod, controller) {
      const keyPair = await Ed25519Multikey.from({ type: "Multikey", id: verificationMethod, controller, publicKeyMultibase, secretKeyMultibase });
      return keyPair.signer();
    },
  };
}
