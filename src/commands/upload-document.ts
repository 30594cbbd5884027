import { z } from "zod";
import { insertDocument } from "../data/documents.ts";
import { writePortfolio } from "../data/portfolios.ts";
import { sniffFileType } from "../domain/sniff-file-type.ts";
import { documentTypes, maxUploadBytes } from "../forms/document-upload.ts";
import { supportableEntries } from "../forms/portfolio-sections.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertRoomIn, lockPortfolio } from "./guards/lock-portfolio.ts";
import { personToday } from "./shared/person-time-zone.ts";

const file = z
  .instanceof(Uint8Array, { message: "import.noFile" })
  .refine((bytes) => bytes.length > 0, "import.noFile")
  .refine((bytes) => bytes.length <= maxUploadBytes, "documents.tooBig");

/**
 * Stores an upload (checked by its content, not its name) and lists it in the portfolio, dated
 * today where the person lives; `about` names the entry it supports, such as the training a
 * certificate is for.
 */
export const uploadDocument = defineCommand({
  name: "document.uploaded",
  actors: ["person"],
  input: z.object({ type: z.enum(documentTypes), filename: z.string(), about: z.string().min(1).optional(), file }),
  // Storing the bytes (perhaps to S3) happens before the transaction, which would otherwise hold the
  // database meanwhile. Bytes stored for an upload that is then refused are harmless: shared by hash, named by no row.
  async prepare(input, { context }) {
    const kind = sniffFileType(input.file) ?? refuse({ file: "documents.wrongType" });
    if (!context.files) throw new Error("upload-document needs the file store in its context");
    return { kind, sha256: await context.files.put(input.file) };
  },
  async run(scope) {
    const { tx, actor, input, now, prepared } = scope;
    const { kind, sha256 } = prepared;
    const portfolio = await lockPortfolio(tx, actor.userId);
    assertRoomIn(portfolio.documents);
    if (input.about && !supportableEntries(portfolio).some(({ entry }) => entry.id === input.about)) refuse({ about: "portfolio.notFound" });
    const document = await insertDocument(tx, {
      userId: actor.userId,
      sha256,
      type: input.type,
      filename: input.filename.slice(0, 200),
      mediaType: kind.mediaType,
      sizeBytes: input.file.length,
    });
    const entry = { id: document.id, type: input.type, date: await personToday(scope, actor.userId), ...(input.about ? { about: input.about } : {}) };
    await writePortfolio(tx, actor.userId, { ...portfolio, documents: [...portfolio.documents, entry] }, now);
    return done(
      { type: "document", id: document.id },
      { documentId: document.id },
      { type: input.type, sha256, ...(input.about ? { about: input.about } : {}) },
    );
  },
});
