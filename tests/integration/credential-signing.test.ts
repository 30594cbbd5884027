import { afterAll, describe, expect, it } from "vitest";
import { controllerUrlOf } from "../../src/credentials/controller-document.ts";
import { buildOpenBadgeCredential, hashEmailIdentity } from "../../src/credentials/open-badge-credential.ts";
import { openSealedSecretKey } from "../../src/credentials/seal-secret-key.ts";
import { signCredential, verifyCredentialProof } from "../../src/credentials/sign-credential.ts";
import { signLearnerRecord, signOpenBadge } from "../../src/credentials/sign-open-badge.ts";
import { keyOfAssociation } from "../../src/data/association-signing-keys.ts";
import { buildAssociation } from "../setup/builders.ts";
import { verifyIndependently } from "../setup/independent-verifier.ts";
import { rawGet } from "../setup/raw-answer.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());
const { db, credentialKeySecret } = app.services;

const keyIn = (associationId: string, secret = credentialKeySecret) => db.transaction().execute((tx) => keyOfAssociation(tx, associationId, secret));

const badge = (slug: string) => ({
  id: `${app.url}/verify/SC-IFS-2026-0042`,
  achievement: {
    id: `${app.url}/a/${slug}/categories/ifs`,
    name: "Infant Family Specialist",
    description: "Endorsement as an Infant Family Specialist.",
    criteriaNarrative: "Education, work with infants and families, reflective supervision and training across the competency domains.",
  },
  subject: { identityHash: hashEmailIdentity("Ana@Example.org", "a-salt"), salt: "a-salt" },
  validFrom: new Date("2026-12-07T10:00:00Z"),
  validUntil: new Date("2027-12-31T23:59:59Z"),
  credentialStatus: [{ statusPurpose: "revocation" as const, statusListIndex: 42, statusListCredential: `${app.url}/a/${slug}/status/1` }],
});

async function signedBadge(association: { id: string; slug: string }) {
  const issuing = { baseUrl: app.url, credentialKeySecret, now: new Date("2026-12-07T10:00:00Z") };
  const issuer = { id: association.id, slug: association.slug, name: "South Carolina IMH Association", url: `${app.url}/a/${association.slug}` };
  const { credential, controllerUrl, publicKeyMultibase } = await db.transaction().execute((tx) => signOpenBadge(tx, issuing, issuer, badge(association.slug)));
  return { signed: credential, controllerUrl, publicKeyMultibase };
}

const tampered = (signed: Record<string, unknown>) => {
  const copy = structuredClone(signed) as { credentialSubject: { achievement: { name: string } } };
  copy.credentialSubject.achievement.name = "Infant Mental Health Mentor";
  return copy;
};

describe("an association's signing key", () => {
  it("is made on first use, then the same key comes back", async () => {
    const association = await buildAssociation(db);
    const first = await keyIn(association.id);
    const second = await keyIn(association.id);
    expect(first.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(second.publicKeyMultibase).toBe(first.publicKeyMultibase);
    const rows = await db.selectFrom("association_signing_keys").selectAll().where("association_id", "=", association.id).execute();
    expect(rows).toHaveLength(1);
  });

  it("is made once when two transactions ask for it at the same time", async () => {
    const association = await buildAssociation(db);
    const [first, second] = await Promise.all([keyIn(association.id), keyIn(association.id)]);
    expect(second.publicKeyMultibase).toBe(first.publicKeyMultibase);
    const rows = await db.selectFrom("association_signing_keys").select("id").where("association_id", "=", association.id).execute();
    expect(rows).toHaveLength(1);
  });

  it("is kept sealed: the row holds neither the secret key nor its raw bytes, and another secret cannot open it", async () => {
    const association = await buildAssociation(db);
    const { publicKeyMultibase } = await keyIn(association.id);
    const row = await db.selectFrom("association_signing_keys").selectAll().where("association_id", "=", association.id).executeTakeFirstOrThrow();
    const secretKeyMultibase = openSealedSecretKey(row.sealed_secret_key, credentialKeySecret, `${association.id} ${publicKeyMultibase}`);
    const rawSeed = Buffer.from(secretKeyMultibase.slice(1)); // compared in every encoding the row could carry
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(secretKeyMultibase);
    expect(stored).not.toContain(rawSeed.toString("base64url"));
    expect(stored).not.toContain(rawSeed.toString("hex"));
    await expect(keyIn(association.id, "another-secret-of-at-least-32-characters")).rejects.toThrow();
  });

  it("is not shown to a caller that logs it", async () => {
    const association = await buildAssociation(db);
    const key = await keyIn(association.id);
    const row = await db
      .selectFrom("association_signing_keys")
      .select("sealed_secret_key")
      .where("association_id", "=", association.id)
      .executeTakeFirstOrThrow();
    const secretKeyMultibase = openSealedSecretKey(row.sealed_secret_key, credentialKeySecret, `${association.id} ${key.publicKeyMultibase}`);
    expect(JSON.stringify(key)).not.toContain(secretKeyMultibase);
  });
});

describe("a signed Open Badges 3.0 credential", () => {
  it("carries an eddsa-rdfc-2022 DataIntegrityProof naming the association's controller document", async () => {
    const association = await buildAssociation(db);
    const { signed, controllerUrl } = await signedBadge(association);
    expect(signed.proof).toMatchObject({
      type: "DataIntegrityProof",
      cryptosuite: "eddsa-rdfc-2022",
      proofPurpose: "assertionMethod",
      verificationMethod: `${controllerUrl}#key-1`,
    });
    expect(JSON.stringify(signed)).not.toMatch(/ana@example\.org/i);
  });

  it("is refused when its issuer is not the controller of the signing key (verifiers would refuse it)", async () => {
    const association = await buildAssociation(db);
    const key = await keyIn(association.id);
    const elsewhere = buildOpenBadgeCredential({ ...badge(association.slug), issuer: { id: `${app.url}/a/${association.slug}`, name: "Elsewhere" } });
    await expect(signCredential(elsewhere, key, controllerUrlOf(app.url, association.slug), new Date())).rejects.toThrow(/issuer/);
  });

  it("is refused when it has a term no context defines, rather than signed without it (safe mode)", async () => {
    const association = await buildAssociation(db);
    const key = await keyIn(association.id);
    const controllerUrl = controllerUrlOf(app.url, association.slug);
    const withUnknownTerm = {
      ...buildOpenBadgeCredential({ ...badge(association.slug), issuer: { id: controllerUrl, name: "SCIMHA" } }),
      holderEmployer: "Somewhere",
    };
    await expect(signCredential(withUnknownTerm, key, controllerUrl, new Date())).rejects.toThrow(/safe mode/i);
  });

  it("verifies with the signing libraries, and a tampered copy does not", async () => {
    const association = await buildAssociation(db);
    const { signed, controllerUrl, publicKeyMultibase } = await signedBadge(association);
    expect((await verifyCredentialProof(signed, controllerUrl, publicKeyMultibase)).verified).toBe(true);
    expect((await verifyCredentialProof(tampered(signed), controllerUrl, publicKeyMultibase)).verified).toBe(false);
  });

  it("verifies with a second verifier sharing no code with the signer, and a tampered copy does not", async () => {
    const association = await buildAssociation(db);
    const { signed, publicKeyMultibase } = await signedBadge(association);
    expect(await verifyIndependently(signed, publicKeyMultibase)).toBe(true);
    expect(await verifyIndependently(tampered(signed), publicKeyMultibase)).toBe(false);
    const other = await keyIn((await buildAssociation(db)).id);
    expect(await verifyIndependently(signed, other.publicKeyMultibase)).toBe(false);
  });

  it("verifies against the controller document the install serves", async () => {
    const association = await buildAssociation(db);
    const { signed, controllerUrl } = await signedBadge(association);
    const client = await app.client();
    const answer = await client.getBytes(`/a/${association.slug}/keys`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const document = JSON.parse(new TextDecoder().decode(answer.bytes)) as {
      id: string;
      verificationMethod: { id: string; publicKeyMultibase: string }[];
      assertionMethod: string[];
    };
    expect(document.id).toBe(controllerUrl);
    expect(document.assertionMethod).toContain((signed.proof as { verificationMethod: string }).verificationMethod);
    const [method] = document.verificationMethod;
    expect(await verifyIndependently(signed, method!.publicKeyMultibase)).toBe(true);
  });
});

describe("a signed Comprehensive Learner Record (CLR 2.0)", () => {
  async function signedRecord(association: { id: string; slug: string }) {
    const { signed: badge, publicKeyMultibase } = await signedBadge(association);
    const issuing = { baseUrl: app.url, credentialKeySecret, now: new Date("2026-12-07T10:00:00Z") };
    const issuer = { id: association.id, slug: association.slug, name: "South Carolina IMH Association" };
    const { credential } = await db.transaction().execute((tx) =>
      signLearnerRecord(tx, issuing, issuer, {
        id: "urn:uuid:6b1f0d52-3c1e-4f4e-9a55-0d3f2c7b9e10",
        name: "Comprehensive Learner Record",
        description: "Credentials and verified hours.",
        subject: { identityHash: hashEmailIdentity("Ana@Example.org", "another-salt"), salt: "another-salt" },
        verifiableCredentials: [badge],
        validFrom: new Date("2026-12-07T10:00:00Z"),
      }),
    );
    return { record: credential, badge, publicKeyMultibase };
  }

  it("is a ClrCredential around the signed badges, each keeping its own context and proof", async () => {
    const association = await buildAssociation(db);
    const { record, badge } = await signedRecord(association);
    expect(record.type).toEqual(["VerifiableCredential", "ClrCredential"]);
    expect(record["@context"]).toEqual([
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]);
    const subject = record.credentialSubject as { type: string[]; verifiableCredential: unknown[] };
    expect(subject.type).toEqual(["ClrSubject"]);
    expect(subject.verifiableCredential).toEqual([badge]);
    expect(JSON.stringify(record)).not.toMatch(/ana@example\.org/i);
  });

  it("verifies with the signing libraries and with the second verifier, and so does each badge inside; a tampered copy does not", async () => {
    const association = await buildAssociation(db);
    const { record, publicKeyMultibase } = await signedRecord(association);
    const controllerUrl = controllerUrlOf(app.url, association.slug);
    expect((await verifyCredentialProof(record, controllerUrl, publicKeyMultibase)).verified).toBe(true);
    expect(await verifyIndependently(record, publicKeyMultibase)).toBe(true);
    const [inside] = (record.credentialSubject as { verifiableCredential: Record<string, unknown>[] }).verifiableCredential;
    expect(await verifyIndependently(inside!, publicKeyMultibase)).toBe(true);
    const changed = structuredClone(record) as { credentialSubject: { verifiableCredential: Array<{ credentialSubject: { achievement: { name: string } } }> } };
    changed.credentialSubject.verifiableCredential[0]!.credentialSubject.achievement.name = "Infant Mental Health Mentor";
    expect(await verifyIndependently(changed, publicKeyMultibase)).toBe(false);
    expect((await verifyCredentialProof(changed, controllerUrl, publicKeyMultibase)).verified).toBe(false);
  });
});

describe("the controller document route", () => {
  it("is public and cached: an unchanged document answers 304 to its ETag", async () => {
    const association = await buildAssociation(db);
    await keyIn(association.id);
    const first = await rawGet(app.url, `/a/${association.slug}/keys`, {});
    expect(first.status).toBe(200);
    expect(first.headers["cache-control"]).toMatch(/public/);
    const again = await rawGet(app.url, `/a/${association.slug}/keys`, { "if-none-match": first.headers.etag as string });
    expect(again.status).toBe(304);
  });

  it("answers 404 for an unknown association and for one that has signed nothing yet", async () => {
    const client = await app.client();
    expect((await client.getBytes("/a/no-such-association/keys")).status).toBe(404);
    const unsigned = await buildAssociation(db);
    expect((await client.getBytes(`/a/${unsigned.slug}/keys`)).status).toBe(404);
  });
});
