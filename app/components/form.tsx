import { type ComponentProps, type ReactNode, useEffect, useRef } from "react";
import { Form } from "react-router";
import type { FieldErrors } from "../../src/commands/command-context.ts";
import { useRootData, useTranslate } from "../lib/use-translate.ts";

export type FormState = { errors?: FieldErrors; values?: Record<string, string | string[]> } | undefined;

function valueOf(state: FormState, name: string): string | undefined {
  const value = state?.values?.[name];
  return typeof value === "string" ? value : undefined;
}

/** Every form posts with the CSRF token; it works as a plain HTML form when JavaScript is off. */
export function AppForm({ children, ...props }: ComponentProps<typeof Form>) {
  const csrfToken = useRootData()?.csrfToken ?? "";
  return (
    <Form method="post" noValidate {...props}>
      <input type="hidden" name="csrf" value={csrfToken} />
      {children}
    </Form>
  );
}

/**
 * Lists the errors at the top and links each to its field, for screen readers and long forms on a
 * phone, and takes the focus when it appears: after a form sent by the browser (`autofocus`, no
 * JavaScript needed) and after each one sent by the page's script. A label of `null` links the
 * message alone, for a message that names its field already ("Tick this box to ..."). `idSuffix` is the
 * row's part of the fields' ids where a page has one such form per row (their `idKey` is `name-idSuffix`).
 */
export function ErrorSummary({ state, fieldLabels, idSuffix }: { state: FormState; fieldLabels: Record<string, string | null>; idSuffix?: string }) {
  const t = useTranslate();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => summary.current?.focus(), [state]);
  const errors = Object.entries(state?.errors ?? {}).filter(([, key]) => key !== undefined);
  if (errors.length === 0) return null;
  return (
    <div ref={summary} className="error-summary" role="alert" tabIndex={-1} autoFocus>
      <p>{t("form.errorSummary")}</p>
      <ul>
        {errors.map(([field, key]) => {
          const label = fieldLabels[field];
          const message = t(key!);
          return (
            <li key={field}>
              {label === undefined || label === "" ? (
                message
              ) : (
                <a href={`#field-${field}${idSuffix ? `-${idSuffix}` : ""}`}>{label === null ? message : `${label}: ${message}`}</a>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A box to tick, its error above it; whether it was ticked is kept when the form comes back with errors. */
export function TickBox({ name, label, state }: { name: string; label: string; state: FormState }) {
  const t = useTranslate();
  const error = state?.errors?.[name];
  return (
    <div className={error ? "field field-invalid" : "field"}>
      {error ? (
        <p className="field-error" id={`error-${name}`}>
          {t(error)}
        </p>
      ) : null}
      <div className="field-check">
        <input
          id={`field-${name}`}
          type="checkbox"
          name={name}
          defaultChecked={valueOf(state, name) === "on"}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `error-${name}` : undefined}
        />
        <label htmlFor={`field-${name}`}>{label}</label>
      </div>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  defaultValue?: string;
} & Omit<ComponentProps<"input">, "name" | "defaultValue">;

/** A one-line field that keeps what was typed when the form comes back with errors; `idKey` as for TextAreaField. */
export function TextField({ name, label, state, hint, defaultValue, type = "text", idKey = name, ...inputProps }: FieldProps & { idKey?: string }) {
  const t = useTranslate();
  const error = state?.errors?.[name];
  const keepsValue = type !== "password";
  const value = keepsValue ? (valueOf(state, name) ?? defaultValue ?? "") : undefined;
  return (
    <Field name={idKey} label={label} hint={hint} error={error ? t(error) : undefined}>
      <input
        id={`field-${idKey}`}
        name={name}
        type={type}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(idKey, hint, error)}
        {...inputProps}
      />
    </Field>
  );
}

/**
 * A text area that keeps what was typed when the form comes back with errors. `idKey` names its
 * ids instead of `name`, where a page has one such form per part (a comment under each section).
 */
export function TextAreaField({
  name,
  label,
  state,
  hint,
  defaultValue,
  idKey = name,
  ...areaProps
}: { name: string; label: string; state: FormState; hint?: string; defaultValue?: string; idKey?: string } & Omit<
  ComponentProps<"textarea">,
  "name" | "defaultValue" | "id"
>) {
  const t = useTranslate();
  const error = state?.errors?.[name];
  return (
    <Field name={idKey} label={label} hint={hint} error={error ? t(error) : undefined}>
      <textarea
        id={`field-${idKey}`}
        name={name}
        defaultValue={valueOf(state, name) ?? defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(idKey, hint, error)}
        {...areaProps}
      />
    </Field>
  );
}

/** A choice from a list; `idKey` names its ids instead of `name`, as for TextAreaField, where a page has one such form per row. */
export function SelectField({
  name,
  label,
  state,
  hint,
  defaultValue,
  options,
  idKey = name,
}: {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  defaultValue?: string;
  options: Array<{ value: string; label: string }>;
  idKey?: string;
}) {
  const t = useTranslate();
  const error = state?.errors?.[name];
  return (
    <Field name={idKey} label={label} hint={hint} error={error ? t(error) : undefined}>
      <select
        id={`field-${idKey}`}
        name={name}
        defaultValue={valueOf(state, name) ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(idKey, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A label, hint and error around any control whose id is `field-<name>` (selects, file inputs, text areas). */
export function Field({ name, label, hint, error, children }: { name: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={`field-${name}`}>{label}</label>
      {hint ? (
        <p className="hint" id={`hint-${name}`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`error-${name}`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function describedBy(name: string, hint: string | undefined, error: unknown): string | undefined {
  const ids = [hint ? `hint-${name}` : null, error ? `error-${name}` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}
