import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { createS3FileStore } from "../../src/files/s3-file-store.ts";
import { buildUser } from "../setup/builders.ts";
import { startTestApp, type TestApp } from "../setup/test-app.ts";

/**
 * Documents in an S3-compatible bucket, against s3rver, an S3 server speaking the real HTTP API.
 * s3rver checks the access key but not version 4 signatures; those are checked against Amazon's
 * published examples in tests/unit/sign-s3-request.test.ts.
 */
let s3: S3rver;
let app: TestApp;
let settings: Parameters<typeof createS3FileStore>[0];
beforeAll(async () => {
  s3 = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: mkdtempSync(path.join(tmpdir(), "cradle-s3-")),
    configureBuckets: [{ name: "cradle-documents" }],
  });
  const { port } = await s3.run();
  settings = { endpoint: `http://127.0.0.1:${port}`, bucket: "cradle-documents", region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  app = await startTestApp({
    S3_ENDPOINT: settings.endpoint,
    S3_BUCKET: settings.bucket,
    S3_ACCESS_KEY_ID: settings.accessKeyId,
    S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
  });
});
afterAll(async () => {
  await app?.close();
  await s3?.close();
});

const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

describe("documents in an S3-compatible bucket", () => {
  it("uploads to the bucket, not the data folder, and downloads the same bytes", async () => {
    const user = await buildUser(app.services.db);
    const client = await app.clientAs(user.id);
    const uploaded = await client.postFiles(
      "/portfolio/documents",
      { type: "transcript" },
      { file: { name: "transcript.pdf", type: "application/pdf", content: pdf } },
    );
    expect(uploaded.status).toBe(200);
    const [entry] = (await findPortfolio(app.services.db, user.id)).portfolio.documents;
    const row = await app.services.db.selectFrom("documents").select("sha256").where("id", "=", entry!.id).executeTakeFirstOrThrow();

    expect(Buffer.from(await createS3FileStore(settings).get(row.sha256))).toEqual(Buffer.from(pdf));
    expect(existsSync(path.join(app.services.config.dataDir, "files"))).toBe(false);
    const download = await client.getBytes(`/documents/${entry!.id}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(download.bytes)).toEqual(Buffer.from(pdf));
  });

  it("says what the bucket answered when it refuses", async () => {
    const unknownKey = createS3FileStore({ ...settings, accessKeyId: "NOT-A-KEY" });
    await expect(unknownKey.put(pdf)).rejects.toThrow(/S3 PUT \/cradle-documents\/files\/[0-9a-f]{2}\/[0-9a-f]{64} answered 403/);
    await expect(createS3FileStore(settings).get("0".repeat(64))).rejects.toThrow(/answered 404/);
  });
});
