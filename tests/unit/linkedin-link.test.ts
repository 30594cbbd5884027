import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LinkedInCertification, linkedInAddToProfileUrl } from "../../src/domain/linkedin-link.ts";

const certification: LinkedInCertification = {
  name: "Infant Family Specialist",
  organizationId: null,
  organizationName: "South Carolina IMH Association",
  issuedOn: "2026-03-07",
  certUrl: "https://cradle.example/verify/SC-IFS-2026-0042",
  certId: "SC-IFS-2026-0042",
};

const paramsOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe("LinkedIn's add-to-profile link", () => {
  it.each([
    [
      "the issuer by name when it has no organization id",
      certification,
      { organizationName: "South Carolina IMH Association", issueYear: "2026", issueMonth: "3" },
    ],
    ["the issuer by its organization id when it has one, and not by name", { ...certification, organizationId: "1234567" }, { organizationId: "1234567" }],
    ["December as month 12", { ...certification, issuedOn: "2025-12-31" }, { issueYear: "2025", issueMonth: "12" }],
  ])("names %s", (_, input, expected) => {
    const url = linkedInAddToProfileUrl(input);
    expect(url.startsWith("https://www.linkedin.com/profile/add?")).toBe(true);
    const params = paramsOf(url);
    expect(params).toMatchObject({ startTask: "CERTIFICATION_NAME", name: input.name, certUrl: input.certUrl, certId: input.certId, ...expected });
    expect("organizationId" in params && "organizationName" in params).toBe(false);
  });

  it("carries any name, in any script or with any punctuation, unchanged through the query string", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.option(fc.stringMatching(/^\d{1,20}$/), { nil: null }), (name, organizationName, organizationId) => {
        const params = paramsOf(linkedInAddToProfileUrl({ ...certification, name, organizationName, organizationId }));
        expect(params.name).toBe(name);
        if (organizationId) expect(params.organizationId).toBe(organizationId);
        else expect(params.organizationName).toBe(organizationName);
      }),
    );
  });
});
