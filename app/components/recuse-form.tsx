import { AppForm, ErrorSummary, Field, describedBy, type FormState } from "./form.tsx";
import { useTranslate } from "../lib/use-translate.ts";

/** An assigned reviewer's way out of a file: a required reason, then staff are told. */
export function RecuseForm({ state }: { state: FormState }) {
  const t = useTranslate();
  const error = state?.errors?.reason;
  const typed = typeof state?.values?.reason === "string" ? state.values.reason : "";
  return (
    <section aria-labelledby="recuse-title">
      <h2 id="recuse-title">{t("recuse.title")}</h2>
      <ErrorSummary state={state} fieldLabels={{ reason: t("recuse.reason") }} />
      <AppForm>
        <input type="hidden" name="intent" value="recuse" />
        <Field name="reason" label={t("recuse.reason")} hint={t("recuse.hint")} error={error ? t(error) : undefined}>
          <textarea
            id="field-reason"
            name="reason"
            rows={3}
            maxLength={1000}
            required
            defaultValue={typed}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy("reason", t("recuse.hint"), error)}
          />
        </Field>
        <button type="submit">{t("recuse.submit")}</button>
      </AppForm>
    </section>
  );
}
