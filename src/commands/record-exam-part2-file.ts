import { z } from "zod";
import { listRatingsOfRegistrations, updateRegistration } from "../data/exams.ts";
import { sniffFileType } from "../domain/sniff-file-type.ts";
import { maxUploadBytes } from "../forms/document-upload.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertStaffRegistration } from "./guards/exam-guards.ts";

const file = z
  .instanceof(Uint8Array, { message: "import.noFile" })
  .refine((bytes) => bytes.length > 0, "import.noFile")
  .refine((bytes) => bytes.length <= maxUploadBytes, "documents.tooBig");

/**
 * Staff keep a scan of the examinee's Part 2 answers (checked by its content), until a rater is
 * assigned. Its name is not kept: raters download it under the exam code.
 */
export const recordExamPart2File = defineCommand({
  name: "exam.part2-file-recorded",
  actors: ["person"],
  input: z.object({ associationId: z.uuid(), registrationId: z.string(), file }),
  // Stored before the transaction, as every upload (see upload-document): bytes of a refused upload are named by no row.
  async prepare(input, { context }) {
    const kind = sniffFileType(input.file) ?? refuse({ file: "documents.wrongType" });
    if (!context.files) throw new Error("record-exam-part2-file needs the file store in its context");
    return { mediaType: kind.mediaType, sha256: await context.files.put(input.file) };
  },
  async run({ tx, actor, input, prepared }) {
    const registration = await assertStaffRegistration(tx, actor, input.registrationId, input.associationId);
    if (registration.result !== null) refuse({ file: "exams.error.decided" });
    if ((await listRatingsOfRegistrations(tx, [registration.id])).length > 0) refuse({ file: "exams.error.ratersAssigned" });
    await updateRegistration(tx, registration.id, { part2_file_sha256: prepared.sha256, part2_file_media_type: prepared.mediaType });
    return done({ type: "exam-registration", id: registration.id, associationId: input.associationId }, null, { sha256: prepared.sha256 });
  },
});
