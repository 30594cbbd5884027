/** The time zones this runtime knows, which the association form offers and accepts. Without zod, so the form's page can list them in the browser. */
export const timeZones = new Set(Intl.supportedValuesOf("timeZone"));

export const timeZoneChoices = [...timeZones].sort();
