import { describe, expect, it } from "vitest";
import { signS3Request } from "../../src/files/sign-s3-request.ts";

// The worked example of Amazon's "Signature Version 4: GET object" documentation (its published test values).
const example = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1" };

describe("signS3Request", () => {
  it("reproduces Amazon's published GET object example", () => {
    const headers = signS3Request(
      { method: "GET", url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"), headers: { Range: "bytes=0-9" } },
      example,
      new Date("2013-05-24T00:00:00Z"),
    );
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
    expect(headers["x-amz-content-sha256"]).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("reproduces Amazon's published PUT object example", () => {
    const body = new TextEncoder().encode("Welcome to Amazon S3.");
    const headers = signS3Request(
      {
        method: "PUT",
        url: new URL("https://examplebucket.s3.amazonaws.com/test$file.text"),
        headers: { Date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY" },
        body,
      },
      example,
      new Date("2013-05-24T00:00:00Z"),
    );
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
    );
  });

  it("changes the signature when the secret, the body or the date changes", () => {
    const request = { method: "PUT", url: new URL("http://127.0.0.1:9000/bucket/files/ab/abc"), body: new Uint8Array([1, 2, 3]) };
    const base = signS3Request(request, example, new Date("2026-01-01T00:00:00Z")).authorization;
    expect(signS3Request(request, { ...example, secretAccessKey: "other" }, new Date("2026-01-01T00:00:00Z")).authorization).not.toBe(base);
    expect(signS3Request({ ...request, body: new Uint8Array([1, 2, 4]) }, example, new Date("2026-01-01T00:00:00Z")).authorization).not.toBe(base);
    expect(signS3Request(request, example, new Date("2026-01-01T00:00:01Z")).authorization).not.toBe(base);
  });
});
