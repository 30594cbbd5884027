import type { Locale } from "../../data/schema.ts";
import type { ExamResult } from "../../domain/exam-result.ts";
import type { CommandScope } from "../define-command.ts";
import type { SessionActor, SystemActor } from "../../policies/actor.ts";

/**
 * Tells the applicant their exam result. The one place the result reaches them: when the letters
 * of issue 19 item 7 land, this becomes `issueLetter(...)` with the exam-result letter.
 */
export async function tellExamResult(
  scope: Pick<CommandScope<SessionActor | SystemActor, unknown>, "notify">,
  applicant: { userId: string; applicationId: string; locale: Locale },
  result: ExamResult,
  retakeFrom: string | null,
) {
  const what = result === "pass" ? { key: "exams.notice.passed" as const } : { key: "exams.notice.notYet" as const, values: { date: retakeFrom ?? "" } };
  await scope.notify(applicant.userId, "exam-result", what, `/applications/${applicant.applicationId}`, applicant.locale);
}
