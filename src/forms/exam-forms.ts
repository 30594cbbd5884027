import { z } from "zod";
import { examModes } from "../domain/exam-modes.ts";
import { examResults } from "../domain/exam-result.ts";
import { timeZones } from "./time-zones.ts";

const id = z.string().min(1, "portfolio.notFound");
const longText = (max: number) => z.string().trim().min(1, "error.required").max(max, "error.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "error.tooLong")
    .default("")
    .transform((text) => (text === "" ? null : text));

/** Staff's new sitting: a day (not in the past, checked against the association's today), a time, a time zone, where, how many seats. */
export const sittingForm = z.object({
  day: z.iso.date("error.date"),
  startsAt: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "exams.error.time"),
  timeZone: z.string().refine((zone) => timeZones.has(zone) || zone === "UTC", "error.timeZone"),
  mode: z.enum(examModes, "error.choose"),
  place: longText(500),
  capacity: z.coerce.number("error.number").int("error.number").min(1, "exams.error.capacity").max(500, "error.tooBig"),
});

/** An applicant's registration (or staff's for them): the sitting and, optionally, an accommodation they need. */
export const registerForm = z.object({ sittingId: id, accommodation: optionalText(2000) });
/** Staff register an approved applicant for the sitting whose page they are on. */
export const staffRegisterForm = z.object({ applicationId: z.string().min(1, "error.choose"), accommodation: optionalText(2000) });

export const accommodationAnswerForm = z.object({ registrationId: id, answer: longText(2000) });

/** Part 1's score as typed: a whole number of items correct (the framework's item count is the command's to check). */
export const part1Form = z.object({
  registrationId: id,
  part1Correct: z.coerce.number("error.number").int("error.number").min(0, "error.tooSmall").max(60, "exams.error.part1Max"),
});

export const part2Form = z.object({ registrationId: id, answers: longText(100000) });

export const assignRaterForm = z.object({ registrationId: id, reviewer: z.string().min(1, "error.choose") });

/** A rater's judgement of Part 2: pass or not yet, comments, and the hours it took (credited as service). */
export const examRatingForm = z.object({
  result: z.enum(examResults, "error.choose"),
  comments: longText(5000),
  hours: z.coerce.number("error.number").gt(0, "error.tooSmall").max(24, "error.tooBig"),
});
