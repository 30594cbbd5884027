import { z } from "zod";
import { determinations } from "../domain/hour-audits.ts";

const day = z.iso.date("error.date");
const id = z.string().min(1, "error.choose");
const reasonText = z.string().trim().max(2000, "error.tooLong");
/** How many people staff may name in one audit, one a line. */
export const maxPickedPeople = 200;

/**
 * Staff's new audit of one period (the credentials due on `periodDue`): a random sample of a share of
 * its holders, or the people staff name (an email or a full name a line), each asked for evidence by `evidenceDue`.
 */
export const hourAuditForm = z
  .object({
    selection: z.enum(["sample", "picked"], "error.choose"),
    periodDue: day,
    percent: z.string().trim().default(""),
    people: z.string().default(""),
    evidenceDue: day,
    instructions: reasonText.default(""),
  })
  .transform((form, context) => {
    const percent = Number(form.percent);
    const people = [
      ...new Set(
        form.people
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    ];
    if (form.selection === "sample" && !(Number.isInteger(percent) && percent >= 1 && percent <= 100))
      context.addIssue({ code: "custom", path: ["percent"], message: "hourAudit.error.percent" });
    if (form.selection === "picked" && people.length === 0) context.addIssue({ code: "custom", path: ["people"], message: "hourAudit.error.noPeople" });
    if (people.length > maxPickedPeople || people.some((line) => line.length > 254))
      context.addIssue({ code: "custom", path: ["people"], message: "error.tooLong" });
    return {
      periodDue: form.periodDue,
      evidenceDue: form.evidenceDue,
      instructions: form.instructions,
      ...(form.selection === "sample" ? { selection: "sample" as const, percent, people: [] } : { selection: "picked" as const, percent: null, people }),
    };
  });

/** The audited person asks for more time: the date they need and why. */
export const extensionRequestForm = z.object({ until: day, reason: reasonText.min(1, "error.required") });

/** Staff answer a request for more time: granted to a date (the one asked for unless they change it), or denied. */
export const extensionAnswerForm = z
  .object({ extensionId: id, answer: z.enum(["granted", "denied"], "error.choose"), grantedUntil: z.string().trim().default("") })
  .transform((form, context) => {
    if (form.answer === "granted" && !z.iso.date().safeParse(form.grantedUntil).success)
      context.addIssue({ code: "custom", path: ["grantedUntil"], message: "error.date" });
    return { extensionId: form.extensionId, grantedUntil: form.answer === "granted" ? form.grantedUntil : null };
  });

/**
 * Staff's determination of one requested entry: accepted, or disallowed with the reason (required),
 * whole or in part (the hours that still count, fewer than the entry reports: the command checks that).
 */
export const determinationForm = z
  .object({
    requestedId: id,
    determination: z.enum(determinations, "error.choose"),
    reason: reasonText.default(""),
    hoursAllowed: z.string().trim().max(20, "error.tooLong").default(""),
  })
  .transform((form, context) => {
    // Accepted, every hour counts: hours left in the field from an earlier partial disallowance do not matter.
    const hoursAllowed = form.hoursAllowed === "" || form.determination === "accepted" ? null : Number(form.hoursAllowed.replace(",", "."));
    if (form.determination === "disallowed" && form.reason === "") context.addIssue({ code: "custom", path: ["reason"], message: "hourAudit.error.reason" });
    // Hours as the portfolio keeps them: up to two decimals, a comma or a point before them.
    if (hoursAllowed !== null && !(/^\d{1,5}([.,]\d{1,2})?$/.test(form.hoursAllowed) && hoursAllowed > 0))
      context.addIssue({ code: "custom", path: ["hoursAllowed"], message: "hourAudit.error.hoursAllowed" });
    return { requestedId: form.requestedId, determination: form.determination, reason: form.reason, hoursAllowed };
  });
