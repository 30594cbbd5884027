import { AppForm, ErrorSummary, type FormState, TextAreaField } from "./form.tsx";
import { useTranslate } from "../lib/use-translate.ts";

/** An assigned reviewer's way out of a file: a required reason, then staff are told. */
export function RecuseForm({ state }: { state: FormState }) {
  const t = useTranslate();
  return (
    <section aria-labelledby="recuse-title">
      <h2 id="recuse-title">{t("recuse.title")}</h2>
      <ErrorSummary state={state} fieldLabels={{ reason: t("recuse.reason") }} />
      <AppForm>
        <input type="hidden" name="intent" value="recuse" />
        <TextAreaField name="reason" label={t("recuse.reason")} hint={t("recuse.hint")} state={state} rows={3} maxLength={1000} required />
        <button type="submit">{t("recuse.submit")}</button>
      </AppForm>
    </section>
  );
}
