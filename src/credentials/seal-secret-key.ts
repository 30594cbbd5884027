import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Sealed = base64url(salt 16 | iv 12 | tag 16 | ciphertext). The AES key is derived per row from the
// setting with HKDF, and `boundTo` (the association and public key) is authenticated, so a sealed
// key copied onto another association's row does not open.
const saltBytes = 16;
const ivBytes = 12;
const tagBytes = 16;

function aesKey(secret: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, salt, "cradle association signing key", 32));
}

export function sealSecretKey(secretKeyMultibase: string, secret: string, boundTo: string): string {
  const salt = randomBytes(saltBytes);
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv("aes-256-gcm", aesKey(secret, salt), iv);
  cipher.setAAD(Buffer.from(boundTo));
  const ciphertext = Buffer.concat([cipher.update(secretKeyMultibase, "utf8"), cipher.final()]);
  return Buffer.concat([salt, iv, cipher.getAuthTag(), ciphertext]).toString("base64url");
}

/** Throws when the setting is not the one the key was sealed with, or the sealed text was changed. */
export function openSealedSecretKey(sealed: string, secret: string, boundTo: string): string {
  const bytes = Buffer.from(sealed, "base64url");
  const salt = bytes.subarray(0, saltBytes);
  const iv = bytes.subarray(saltBytes, saltBytes + ivBytes);
  const tag = bytes.subarray(saltBytes + ivBytes, saltBytes + ivBytes + tagBytes);
  const decipher = createDecipheriv("aes-256-gcm", aesKey(secret, salt), iv);
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(bytes.subarray(saltBytes + ivBytes + tagBytes)), decipher.final()]).toString("utf8");
}
