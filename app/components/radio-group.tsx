import type { ReactNode } from "react";
import type { FormState } from "./form.tsx";
import { useTranslate } from "../lib/use-translate.ts";

/**
 * One choice among a few, as radio buttons in a fieldset whose legend names it; its error sits
 * above the buttons, linked from the fieldset, and what was chosen is kept when the form comes back.
 */
export function RadioGroup({
  name,
  legend,
  options,
  state,
  defaultValue,
  hint,
}: {
  name: string;
  legend: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
  state: FormState;
  defaultValue?: string;
  hint?: ReactNode;
}) {
  const t = useTranslate();
  const error = state?.errors?.[name];
  const kept = state?.values?.[name];
  const chosen = typeof kept === "string" ? kept : defaultValue;
  const describedBy = [hint ? `hint-${name}` : null, error ? `error-${name}` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={error ? "field field-invalid" : "field"} id={`field-${name}`} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <div className="hint" id={`hint-${name}`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field-error" id={`error-${name}`}>
          {t(error)}
        </p>
      ) : null}
      {options.map((option) => (
        <div key={option.value} className="field-check">
          <input type="radio" id={`${name}-${option.value}`} name={name} value={option.value} defaultChecked={chosen === option.value} />
          <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
