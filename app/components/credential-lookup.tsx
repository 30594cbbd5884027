import type { FormState } from "./form.tsx";
import { TextField } from "./form.tsx";
import { useTranslate } from "../lib/use-translate.ts";

/** Where a visitor types a credential's number from its certificate: a plain GET form, so it works without JavaScript. */
export function CredentialLookup({ state, defaultValue }: { state?: FormState; defaultValue?: string }) {
  const t = useTranslate();
  return (
    <form method="get" action="/verify" className="credential-lookup">
      <TextField
        name="number"
        label={t("verification.lookupField")}
        hint={t("verification.lookupHint")}
        state={state}
        defaultValue={defaultValue}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
      />
      <button type="submit">{t("verification.lookupSubmit")}</button>
    </form>
  );
}
