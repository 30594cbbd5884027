import type { FieldErrors } from "../../src/commands/command-context.ts";
import type { FormValues as DraftFields } from "../../src/forms/parse-form.ts";
import type { EntryInput } from "../../src/forms/entry-form.ts";
import { useTranslate } from "../lib/use-translate.ts";

export type ChoiceOption = { value: string; label: string };

/**
 * The inputs of a portfolio entry, as its schema's metadata describes them. Options that depend on the
 * person (their frameworks' domains, the endorsements a provider may hold) come from the page.
 */
export function EntryFields({
  fields,
  values,
  errors,
  extraOptions,
}: {
  fields: EntryInput[];
  values: DraftFields;
  errors: FieldErrors;
  extraOptions: Record<string, ChoiceOption[]>;
}) {
  const t = useTranslate();
  return (
    <>
      {fields.map((field) => {
        const error = errors[field.name];
        const hintId = field.hint ? `hint-${field.name}` : undefined;
        const errorId = error ? `error-${field.name}` : undefined;
        const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
        const options: ChoiceOption[] = extraOptions[field.name] ?? (field.options ?? []).map((option) => ({ value: option.value, label: t(option.label) }));
        const value = values[field.name];
        const messages = (
          <>
            {field.hint ? (
              <p className="hint" id={hintId}>
                {t(field.hint)}
              </p>
            ) : null}
            {error ? (
              <p className="field-error" id={errorId}>
                {t(error)}
              </p>
            ) : null}
          </>
        );
        if (field.kind === "checkbox") {
          return (
            <div key={field.name} className={error ? "field field-check field-invalid" : "field field-check"}>
              <input id={`field-${field.name}`} type="checkbox" name={field.name} defaultChecked={value === "on"} aria-describedby={describedBy} />
              <label htmlFor={`field-${field.name}`}>{t(field.label)}</label>
              {messages}
            </div>
          );
        }
        if (field.kind === "checkboxes") {
          const selected = new Set(Array.isArray(value) ? value : value ? [value] : []);
          return (
            <fieldset key={field.name} className={error ? "field field-invalid" : "field"} aria-describedby={describedBy}>
              <legend>{t(field.label)}</legend>
              {messages}
              {options.map((option) => (
                <div key={option.value} className="field-check">
                  <input
                    id={`field-${field.name}-${option.value}`}
                    type="checkbox"
                    name={field.name}
                    value={option.value}
                    defaultChecked={selected.has(option.value)}
                  />
                  <label htmlFor={`field-${field.name}-${option.value}`}>{option.label}</label>
                </div>
              ))}
            </fieldset>
          );
        }
        const common = { id: `field-${field.name}`, name: field.name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy };
        return (
          <div key={field.name} className={error ? "field field-invalid" : "field"}>
            <label htmlFor={`field-${field.name}`}>{t(field.label)}</label>
            {messages}
            {field.kind === "select" ? (
              <select {...common} defaultValue={typeof value === "string" ? value : ""}>
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={field.kind === "number" ? "text" : field.kind}
                inputMode={field.inputMode}
                autoComplete={field.autoComplete}
                defaultValue={typeof value === "string" ? value : ""}
              />
            )}
          </div>
        );
      })}
    </>
  );
}
