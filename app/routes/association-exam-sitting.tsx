import { readFile } from "node:fs/promises";
import { Link, type RouterContextProvider } from "react-router";
import type { Route } from "./+types/association-exam-sitting";
import { answerExamAccommodation } from "../../src/commands/answer-exam-accommodation.ts";
import { assignExamRater } from "../../src/commands/assign-exam-rater.ts";
import { decideExamResult } from "../../src/commands/decide-exam-result.ts";
import { recordExamPart1, recordExamPart2 } from "../../src/commands/record-exam-scores.ts";
import { recordExamPart2File } from "../../src/commands/record-exam-part2-file.ts";
import { maxUploadBytes } from "../../src/forms/document-upload.ts";
import { registerForExam } from "../../src/commands/register-for-exam.ts";
import { accommodationAnswerForm, assignRaterForm, part1Form, part2Form, staffRegisterForm } from "../../src/forms/exam-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { staffSittingPage } from "../../src/queries/exams.ts";
import { AppForm, describedBy, ErrorSummary, Field, type FormState, SelectField, TextAreaField, TextField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { decideWhenSettled } from "../lib/exam-results.server.ts";
import { withUpload } from "../lib/read-upload.server.ts";
import { invalid, invalidForm, read, requireUser, run } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

/** One sitting for staff: its roster, and for the registration chosen (`?registration=`) its accommodation, scores, raters and result. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  const url = new URL(request.url);
  const page = await read(context, staffSittingPage, params.slug, params.sittingId);
  const chosen = page.roster.find((row) => row.id === url.searchParams.get("registration")) ?? null;
  return { ...page, chosen, created: url.searchParams.has("created") };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireUser(context);
  const { association, sitting } = await read(context, staffSittingPage, params.slug, params.sittingId);
  const associationId = association.id;
  if (request.headers.get("content-type")?.startsWith("multipart/form-data")) return uploadPart2(request, context, associationId);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "register") {
    const parsed = parseForm(staffRegisterForm, form);
    if (!parsed.ok) return invalidForm(parsed);
    const result = await run(context, registerForExam, { ...parsed.data, sittingId: sitting.id });
    return result.ok ? { ok: true as const } : invalid(result.errors, parsed.values);
  }
  if (intent === "answer") {
    const parsed = parseForm(accommodationAnswerForm, form);
    if (!parsed.ok) return invalidForm(parsed);
    const result = await run(context, answerExamAccommodation, { associationId, ...parsed.data });
    return result.ok ? { ok: true as const } : invalid(result.errors, parsed.values);
  }
  if (intent === "part1") {
    const parsed = parseForm(part1Form, form);
    if (!parsed.ok) return invalidForm(parsed);
    const result = await run(context, recordExamPart1, { associationId, ...parsed.data });
    if (!result.ok) return invalid(result.errors, parsed.values);
    await decideWhenSettled(context, parsed.data.registrationId);
    return { ok: true as const };
  }
  if (intent === "part2") {
    const parsed = parseForm(part2Form, form);
    if (!parsed.ok) return invalidForm(parsed);
    const result = await run(context, recordExamPart2, { associationId, ...parsed.data });
    return result.ok ? { ok: true as const } : invalid(result.errors, parsed.values);
  }
  if (intent === "assign") {
    const parsed = parseForm(assignRaterForm, form);
    if (!parsed.ok) return invalidForm(parsed);
    const result = await run(context, assignExamRater, { associationId, ...parsed.data });
    return result.ok ? { ok: true as const } : invalid(result.errors, parsed.values);
  }
  if (intent === "decide") {
    const result = await run(context, decideExamResult, { registrationId: String(form.get("registrationId") ?? "") });
    return result.ok ? { ok: true as const } : invalid(result.errors, {});
  }
  return invalid({ form: "error.unknownAction" }, {});
}

/** A scan of Part 2, sent as a file (the one form of this page that carries one). */
function uploadPart2(request: Request, context: Readonly<RouterContextProvider>, associationId: string) {
  return withUpload(request, context, maxUploadBytes, async ({ fields, files }) => {
    const file = files.get("file");
    if (!file) return invalid({ file: "import.noFile" }, {});
    if (file.isOverLimit) return invalid({ file: "documents.tooBig" }, {});
    const registrationId = fields.get("registrationId") ?? "";
    const result = await run(context, recordExamPart2File, { associationId, registrationId, file: new Uint8Array(await readFile(file.path)) });
    return result.ok ? { ok: true as const } : invalid(result.errors, {});
  });
}

export default function AssociationExamSitting({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const { association, sitting, roster, chosen } = loaderData;
  const failed: FormState = actionData && !actionData.ok ? actionData : undefined;
  const title = t("exams.rosterTitle", { day: sitting.day });
  const here = `/a/${association.slug}/exams/${sitting.id}`;
  const name = (id: string) => loaderData.reviewers.find((reviewer) => reviewer.id === id)?.name ?? id;
  const labels = {
    applicationId: t("exams.applicant"),
    accommodation: t("exams.accommodationRequest"),
    answer: t("exams.accommodationAnswer"),
    part1Correct: t("exams.part1", { items: chosen?.part1Items ?? 60 }),
    answers: t("exams.part2"),
    file: t("exams.part2File"),
    reviewer: t("exams.rater"),
    sittingId: t("exams.chooseSitting"),
  };
  return (
    <section>
      <PageTitle title={title} />
      <p>
        <Link to={`/a/${association.slug}/exams`}>{`${association.name}: ${t("exams.title")}`}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        {`${t("exams.sitting", { day: sitting.day, time: sitting.startsAt, zone: sitting.timeZone })} · ${t(`exams.mode.${sitting.mode}`)}: ${sitting.place} · ${t("exams.seats", { taken: roster.length, capacity: sitting.capacity })}`}
      </p>
      {loaderData.created && !actionData ? (
        <p role="status" className="notice">
          {t("exams.created")}
        </p>
      ) : null}
      {actionData?.ok ? (
        <p role="status" className="notice">
          {t("exams.saved")}
        </p>
      ) : null}
      <ErrorSummary state={failed} fieldLabels={labels} />
      <h2>{t("exams.roster")}</h2>
      {roster.length === 0 ? <p className="muted">{t("exams.rosterNone")}</p> : null}
      <ul className="entries">
        {roster.map((row) => (
          <li key={row.id}>
            <Link to={`${here}?registration=${row.id}`} aria-current={chosen?.id === row.id ? "true" : undefined}>
              {`${row.name} · ${t("exams.code", { code: row.code })}`}
            </Link>
            <p className="muted">{t("exams.result", { result: t(row.result ? `exams.result.${row.result}` : "exams.result.pending") })}</p>
          </li>
        ))}
      </ul>
      {chosen ? (
        <>
          <h2>{`${chosen.name} · ${t("exams.code", { code: chosen.code })}`}</h2>
          {chosen.accommodationRequest ? (
            <>
              <p>{t("exams.accommodation", { request: chosen.accommodationRequest })}</p>
              {chosen.accommodationAnswer ? <p>{t("exams.accommodationAnswered", { answer: chosen.accommodationAnswer })}</p> : null}
              <AppForm action={`${here}?registration=${chosen.id}`}>
                <input type="hidden" name="registrationId" value={chosen.id} />
                <TextAreaField name="answer" label={labels.answer} state={failed} rows={3} maxLength={2000} required />
                <button type="submit" name="intent" value="answer">
                  {t("exams.answer")}
                </button>
              </AppForm>
            </>
          ) : null}
          {chosen.result === null ? (
            <AppForm action={`${here}?registration=${chosen.id}`}>
              <input type="hidden" name="registrationId" value={chosen.id} />
              <TextField
                name="part1Correct"
                label={labels.part1Correct}
                state={failed}
                type="number"
                inputMode="numeric"
                min={0}
                max={chosen.part1Items}
                defaultValue={chosen.part1Correct === null ? "" : String(chosen.part1Correct)}
              />
              <button type="submit" name="intent" value="part1">
                {t("exams.part1Save")}
              </button>
            </AppForm>
          ) : (
            <p>{t("exams.part1Recorded", { correct: chosen.part1Correct ?? 0, items: chosen.part1Items })}</p>
          )}
          {chosen.ratings.length === 0 && chosen.result === null ? (
            <>
              <AppForm action={`${here}?registration=${chosen.id}`}>
                <input type="hidden" name="registrationId" value={chosen.id} />
                <TextAreaField name="answers" label={labels.answers} state={failed} rows={10} maxLength={100000} defaultValue={chosen.part2Answers ?? ""} />
                <button type="submit" name="intent" value="part2">
                  {t("exams.part2Save")}
                </button>
              </AppForm>
              {chosen.part2File ? <p>{t("exams.part2FileRecorded", { type: chosen.part2File })}</p> : null}
              <AppForm action={`${here}?registration=${chosen.id}`} encType="multipart/form-data">
                <input type="hidden" name="registrationId" value={chosen.id} />
                <Field name="file" label={labels.file} error={failed?.errors?.file ? t(failed.errors.file) : undefined}>
                  <input
                    id="field-file"
                    name="file"
                    type="file"
                    accept=".pdf,.jpg,.jpeg,.png,.doc,.docx"
                    aria-invalid={failed?.errors?.file ? true : undefined}
                    aria-describedby={describedBy("file", undefined, failed?.errors?.file)}
                  />
                </Field>
                <button type="submit">{t("exams.part2FileSave")}</button>
              </AppForm>
            </>
          ) : (
            <>
              <h3>{labels.answers}</h3>
              {chosen.part2Answers ? <div className="answers">{chosen.part2Answers}</div> : null}
              {chosen.part2File ? <p>{t("exams.part2FileRecorded", { type: chosen.part2File })}</p> : null}
            </>
          )}
          <h3>{t("exams.raters")}</h3>
          <ul>
            {chosen.ratings.map((rating) => (
              <li key={rating.round}>
                {t("exams.ratingRow", {
                  round: t(`exams.round.${rating.round}`),
                  name: rating.rater,
                  state: t(rating.result ? `exams.rating.${rating.result}` : "exams.rating.waiting"),
                })}
              </li>
            ))}
          </ul>
          {chosen.settled === "needs-third" ? <p className="notice">{t("exams.needsThird")}</p> : null}
          {chosen.needsRater && chosen.raterChoices.length > 0 ? (
            <AppForm action={`${here}?registration=${chosen.id}`}>
              <input type="hidden" name="registrationId" value={chosen.id} />
              <SelectField name="reviewer" label={labels.reviewer} state={failed} options={chosen.raterChoices.map((id) => ({ value: id, label: name(id) }))} />
              <button type="submit" name="intent" value="assign">
                {t("exams.assign")}
              </button>
            </AppForm>
          ) : null}
          <p>
            <strong>{t("exams.result", { result: t(chosen.result ? `exams.result.${chosen.result}` : "exams.result.pending") })}</strong>
          </p>
          {chosen.result === null && (chosen.settled === "pass" || chosen.settled === "not-yet") ? (
            <AppForm action={`${here}?registration=${chosen.id}`}>
              <input type="hidden" name="registrationId" value={chosen.id} />
              <button type="submit" name="intent" value="decide">
                {t("exams.decide")}
              </button>
            </AppForm>
          ) : null}
        </>
      ) : null}
      <h2>{t("exams.registerTitle")}</h2>
      {loaderData.approved.length === 0 ? (
        <p className="muted">{t("exams.noApproved")}</p>
      ) : (
        <AppForm>
          <SelectField
            name="applicationId"
            label={labels.applicationId}
            state={failed}
            options={loaderData.approved.map((application) => ({ value: application.id, label: application.name }))}
          />
          <TextAreaField name="accommodation" label={labels.accommodation} state={failed} rows={3} maxLength={2000} />
          <button type="submit" name="intent" value="register">
            {t("exams.register")}
          </button>
        </AppForm>
      )}
    </section>
  );
}
