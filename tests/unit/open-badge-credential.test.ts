import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildOpenBadgeCredential, hashEmailIdentity, openBadgeContexts } from "../../src/credentials/open-badge-credential.ts";

const input = {
  id: "https://cradle.example.org/verify/SC-IFS-2026-0042",
  issuer: { id: "https://cradle.example.org/a/sc/keys", name: "SCIMHA", url: "https://cradle.example.org/a/sc" },
  achievement: {
    id: "https://cradle.example.org/a/sc/categories/ifs",
    name: "Infant Family Specialist",
    description: "An endorsement.",
    criteriaNarrative: "What it takes.",
  },
  subject: { identityHash: hashEmailIdentity("ana@example.org", "salt"), salt: "salt" },
  validFrom: new Date("2026-12-07T10:11:12.345Z"),
};

describe("hashEmailIdentity", () => {
  it("is sha256$ and the hex digest of the address and salt, whatever the case and spaces of the address", () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.string({ minLength: 1, maxLength: 20 }), (email, salt) => {
        const expected = `sha256$${createHash("sha256").update(`${email.toLowerCase()}${salt}`).digest("hex")}`;
        expect(hashEmailIdentity(` ${email.toUpperCase()} `, salt)).toBe(expected);
      }),
    );
  });
});

describe("buildOpenBadgeCredential", () => {
  it("is an OpenBadgeCredential in the VC 2.0 data model with OB context 3.0.3", () => {
    const credential = buildOpenBadgeCredential(input);
    expect(credential["@context"]).toEqual([...openBadgeContexts]);
    expect(credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(credential.issuer).toEqual({ id: input.issuer.id, type: ["Profile"], name: "SCIMHA", url: input.issuer.url });
    expect(credential.validFrom).toBe("2026-12-07T10:11:12Z");
    expect(credential).not.toHaveProperty("validUntil");
    expect(credential).not.toHaveProperty("credentialStatus");
  });

  it("names the holder by a hashed IdentityObject only, and the achievement with its criteria", () => {
    const credential = buildOpenBadgeCredential(input);
    expect(credential.credentialSubject).toEqual({
      type: ["AchievementSubject"],
      identifier: [{ type: "IdentityObject", identityType: "emailAddress", hashed: true, identityHash: input.subject.identityHash, salt: "salt" }],
      achievement: {
        id: input.achievement.id,
        type: ["Achievement"],
        name: "Infant Family Specialist",
        description: "An endorsement.",
        criteria: { narrative: "What it takes." },
      },
    });
    expect(JSON.stringify(credential)).not.toContain("ana@example.org");
  });

  it("places the credential in status lists with BitstringStatusListEntry", () => {
    const list = "https://cradle.example.org/a/sc/status/1";
    const credential = buildOpenBadgeCredential({
      ...input,
      validUntil: new Date("2027-12-31T23:59:59Z"),
      credentialStatus: [
        { statusPurpose: "revocation", statusListIndex: 7, statusListCredential: list },
        { statusPurpose: "suspension", statusListIndex: 7, statusListCredential: `${list}-suspension` },
      ],
    });
    expect(credential.validUntil).toBe("2027-12-31T23:59:59Z");
    expect(credential.credentialStatus).toEqual([
      { id: `${list}#7`, type: "BitstringStatusListEntry", statusPurpose: "revocation", statusListIndex: "7", statusListCredential: list },
      {
        id: `${list}-suspension#7`,
        type: "BitstringStatusListEntry",
        statusPurpose: "suspension",
        statusListIndex: "7",
        statusListCredential: `${list}-suspension`,
      },
    ]);
  });
});
