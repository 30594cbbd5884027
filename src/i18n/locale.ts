/** The languages Cradle speaks. */
export type Locale = "en" | "es";
