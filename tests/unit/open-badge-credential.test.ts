import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildClrCredential } from "../../src/credentials/clr-credential.ts";
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

  it("carries a measured result, who assessed it and the days it ran, when given", () => {
    const credential = buildOpenBadgeCredential({
      ...input,
      achievement: { ...input.achievement, achievementType: "ext:VerifiedHours" },
      result: { descriptionId: "https://cradle.example.org/a/sc#hours", name: "Clock hours", resultType: "ext:ClockHours", value: "3.5" },
      source: { name: "Dr. Lee" },
      activity: { start: "2026-03-02", end: "2026-04-06" },
    });
    expect(credential.credentialSubject).toMatchObject({
      achievement: {
        achievementType: "ext:VerifiedHours",
        resultDescription: [{ id: "https://cradle.example.org/a/sc#hours", type: ["ResultDescription"], name: "Clock hours", resultType: "ext:ClockHours" }],
      },
      result: [{ type: ["Result"], resultDescription: "https://cradle.example.org/a/sc#hours", value: "3.5" }],
      source: { type: ["Profile"], name: "Dr. Lee" },
      activityStartDate: "2026-03-02",
      activityEndDate: "2026-04-06",
    });
  });
});

describe("buildClrCredential", () => {
  const badge = buildOpenBadgeCredential(input);
  const record = buildClrCredential({
    id: "urn:uuid:0b9a4f4e-8f0e-4c55-9f3e-2d1f8f3f9a11",
    issuer: input.issuer,
    name: "Comprehensive Learner Record: SCIMHA",
    description: "Credentials and verified hours.",
    subject: input.subject,
    verifiableCredentials: [badge],
    validFrom: input.validFrom,
  });

  it("is a ClrCredential with CLR 2.0's context between VC 2.0's and OB 3.0's", () => {
    expect(record["@context"]).toEqual([openBadgeContexts[0], "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", openBadgeContexts[1]]);
    expect(record.type).toEqual(["VerifiableCredential", "ClrCredential"]);
    expect(record.validFrom).toBe("2026-12-07T10:11:12Z");
  });

  it("names the holder by a hashed IdentityObject and carries the credentials as they are", () => {
    expect(record.credentialSubject).toEqual({
      type: ["ClrSubject"],
      identifier: [{ type: "IdentityObject", identityType: "emailAddress", hashed: true, identityHash: input.subject.identityHash, salt: "salt" }],
      verifiableCredential: [badge],
    });
    expect(JSON.stringify(record)).not.toContain("ana@example.org");
  });
});
