import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress } from "../../src/server/http-handler.ts";

const request = (forwardedFor: string | undefined) =>
  ({ headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }, socket: { remoteAddress: "10.0.0.2" } }) as unknown as IncomingMessage;

describe("clientAddress", () => {
  it("ignores X-Forwarded-For unless told there is a proxy", () => {
    expect(clientAddress(request("203.0.113.9"), false)).toBe("10.0.0.2");
  });

  it("behind a proxy takes the hop the proxy appended, not what the client claimed", () => {
    expect(clientAddress(request("1.2.3.4, 203.0.113.9"), true)).toBe("203.0.113.9");
    expect(clientAddress(request(undefined), true)).toBe("10.0.0.2");
  });
});
