import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { approvalForRetake, decisionWindows, examApprovalExpired } from "../../src/domain/decision-windows.ts";

describe("the windows a decision opens", () => {
  it.each([
    ["approve-for-exam", "2026-03-15", { exam_approved_until: "2027-03-15", emerging_until: null }],
    ["emerging", "2026-03-15", { exam_approved_until: null, emerging_until: "2028-03-15" }],
    ["endorse", "2026-03-15", { exam_approved_until: null, emerging_until: null }],
    ["defer", "2026-03-15", { exam_approved_until: null, emerging_until: null }],
    ["hold", "2026-03-15", {}],
  ] as const)("%s on %s opens %j", (outcome, day, windows) => {
    expect(decisionWindows(outcome, day)).toEqual(windows);
  });

  it.each([
    [null, "2027-06-01", "2028-06-01"],
    ["2027-03-15", "2027-06-01", "2028-06-01"],
    ["2029-01-01", "2027-06-01", "2029-01-01"],
  ])("after a 'not yet', an approval until %s with the retake from %s lasts until %s", (until, retake, renewed) => {
    expect(approvalForRetake(until, retake)).toBe(renewed);
  });

  it("the renewed approval always covers the retake's first day, and never shortens the approval", () => {
    const day = fc.date({ min: new Date("2020-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.option(day, { nil: null }), day, (until, retake) => {
        const renewed = approvalForRetake(until, retake);
        expect(renewed > retake).toBe(true);
        if (until !== null) expect(renewed >= until).toBe(true);
        expect(examApprovalExpired({ status: "approved-for-exam", exam_approved_until: renewed }, retake)).toBe(false);
      }),
    );
  });
});
