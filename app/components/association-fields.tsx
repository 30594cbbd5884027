import { timeZoneChoices } from "../../src/forms/time-zones.ts";
import { type FormState, SelectField, TextField } from "./form.tsx";
import { useTranslate } from "../lib/use-translate.ts";

export type AssociationDefaults = Partial<Record<"name" | "slug" | "locale" | "timeZone" | "contactEmail" | "contactPhone" | "website", string>> & {
  frameworks?: string[];
};

export function useAssociationLabels() {
  const t = useTranslate();
  return {
    name: t("association.name"),
    slug: t("association.slug"),
    locale: t("association.locale"),
    timeZone: t("association.timeZone"),
    contactEmail: t("association.contactEmail"),
    contactPhone: t("association.contactPhone"),
    website: t("association.website"),
  };
}

/** The fields of an association, shared by the create and edit screens. */
export function AssociationFields({
  state,
  defaults = {},
  frameworkChoices,
}: {
  state: FormState;
  defaults?: AssociationDefaults;
  frameworkChoices: Array<{ value: string; label: string }>;
}) {
  const t = useTranslate();
  const labels = useAssociationLabels();
  return (
    <>
      <TextField name="name" label={labels.name} state={state} defaultValue={defaults.name} required />
      <TextField name="slug" label={labels.slug} state={state} defaultValue={defaults.slug} hint={t("association.slugHint")} required />
      <SelectField
        name="locale"
        label={labels.locale}
        state={state}
        defaultValue={defaults.locale ?? "en"}
        options={[
          { value: "en", label: t("language.en") },
          { value: "es", label: t("language.es") },
        ]}
      />
      <SelectField
        name="timeZone"
        label={labels.timeZone}
        state={state}
        defaultValue={defaults.timeZone ?? "America/Los_Angeles"}
        options={timeZoneChoices.map((zone) => ({ value: zone, label: zone }))}
      />
      <TextField name="contactEmail" label={labels.contactEmail} state={state} type="email" defaultValue={defaults.contactEmail} required />
      <TextField name="contactPhone" label={labels.contactPhone} state={state} type="tel" defaultValue={defaults.contactPhone} />
      <TextField name="website" label={labels.website} state={state} type="url" defaultValue={defaults.website} />
      <fieldset className="field">
        <legend>{t("association.frameworks")}</legend>
        <p className="hint">{t("association.frameworksHint")}</p>
        {frameworkChoices.map((choice) => (
          <div key={choice.value} className="field-check">
            <input
              id={`framework-${choice.value}`}
              type="checkbox"
              name="frameworks"
              value={choice.value}
              defaultChecked={(state?.values ? [state.values.frameworks].flat() : (defaults.frameworks ?? [])).includes(choice.value)}
            />
            <label htmlFor={`framework-${choice.value}`}>{choice.label}</label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
