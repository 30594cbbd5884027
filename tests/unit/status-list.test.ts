import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildStatusListCredential, encodeStatusList, statusListEntriesOf } from "../../src/credentials/status-list-credential.ts";
import { credentialStatuses, staffActionsFor, staffActionTarget, staffCredentialActions } from "../../src/domain/staff-credential-actions.ts";
import { firstFreePlace, statusListBits, statusListLength } from "../../src/domain/status-list.ts";

/** The spec's reading of bit `index`: the most significant bit of the first byte is bit 0. */
const bitOf = (encoded: string, index: number) => (gunzipSync(Buffer.from(encoded.slice(1), "base64url"))[index >> 3]! >> (7 - (index % 8))) & 1;

describe("statusListBits", () => {
  it.each([
    ["active", { revocation: false, suspension: false }],
    ["revoked", { revocation: true, suspension: false }],
    ["suspended", { revocation: false, suspension: true }],
    ["lapsed", { revocation: false, suspension: true }],
    ["removed", { revocation: false, suspension: true }],
    ["transferred", { revocation: false, suspension: true }],
  ] as const)("%s sets %o", (status, bits) => {
    expect(statusListBits(status)).toEqual(bits);
  });
});

describe("encodeStatusList", () => {
  it("is multibase base64url of the GZIP of the bits, bit 0 leftmost", () => {
    const bits = "1" + "0".repeat(7) + "01";
    const encoded = encodeStatusList(bits.padEnd(16, "0"));
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    expect([...gunzipSync(Buffer.from(encoded.slice(1), "base64url"))]).toEqual([0b1000_0000, 0b0100_0000]);
  });

  it("keeps every set bit, and only those, in a list of the spec's minimum size", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: statusListLength - 1 }), { maxLength: 20 }), (set) => {
        const bits = Array.from({ length: statusListLength }, () => "0");
        for (const index of set) bits[index] = "1";
        const encoded = encodeStatusList(bits.join(""));
        for (const index of set) expect(bitOf(encoded, index)).toBe(1);
        const unset = (set[0] ?? 0) + 1;
        if (unset < statusListLength && !set.includes(unset)) expect(bitOf(encoded, unset)).toBe(0);
      }),
      { numRuns: 25 },
    );
  });

  it("makes a BitstringStatusListCredential of its purpose at its address", () => {
    const list = buildStatusListCredential({
      url: "https://cradle.example/a/sc/status/revocation",
      issuer: "https://cradle.example/a/sc/keys",
      purpose: "revocation",
      bits: "0".repeat(16),
      validFrom: new Date("2026-12-07T10:00:00.123Z"),
    });
    expect(list).toMatchObject({
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      validFrom: "2026-12-07T10:00:00Z",
      credentialSubject: { id: "https://cradle.example/a/sc/status/revocation#list", type: "BitstringStatusList", statusPurpose: "revocation" },
    });
    expect(statusListEntriesOf("https://cradle.example", "sc", 7).map((entry) => entry.statusListCredential)).toEqual([
      "https://cradle.example/a/sc/status/revocation",
      "https://cradle.example/a/sc/status/suspension",
    ]);
  });
});

describe("firstFreePlace", () => {
  it("is the first drawn place not taken, and never a taken or out-of-range one", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: statusListLength + 5 }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: statusListLength - 1 })),
        (drawn, taken) => {
          const place = firstFreePlace(drawn, new Set(taken));
          const free = drawn.filter((each) => each >= 0 && each < statusListLength && !taken.includes(each));
          expect(place).toBe(free[0]);
        },
      ),
    );
  });
});

describe("staff actions on a credential", () => {
  it.each([
    ["suspend", "active", "suspended"],
    ["suspend", "lapsed", null],
    ["suspend", "suspended", null],
    ["reinstate", "suspended", "active"],
    ["reinstate", "active", null],
    ["reinstate", "revoked", null],
    ["revoke", "active", "revoked"],
    ["revoke", "suspended", "revoked"],
    ["revoke", "lapsed", "revoked"],
    ["revoke", "removed", "revoked"],
    ["revoke", "revoked", null],
    ["revoke", "transferred", null],
  ] as const)("%s from %s moves to %s", (action, from, to) => {
    expect(staffActionTarget(action, from)).toBe(to);
  });

  it("revocation is final: no action leaves a revoked credential, and the page offers exactly the actions that apply", () => {
    for (const action of staffCredentialActions) expect(staffActionTarget(action, "revoked")).toBeNull();
    for (const status of credentialStatuses)
      expect(staffActionsFor(status)).toEqual(staffCredentialActions.filter((action) => staffActionTarget(action, status) !== null));
  });
});
