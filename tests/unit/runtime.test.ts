import { describe, expect, it } from "vitest";

describe("runtime", () => {
  it("runs on Node 24 from the pinned node package, not an older system Node", () => {
    expect(process.versions.node.split(".")[0]).toBe("24");
  });
});
