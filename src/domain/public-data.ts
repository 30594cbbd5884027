// No imports: the browser's bundle reads these too (app/root.tsx through src/server/public-pages.ts).

/**
 * What the public pages show, as the commands that change it name it (a command's `changes`) and
 * as the response cache tags its pages with (src/server/public-pages.ts).
 */
export const publicDataKinds = ["associations"] as const;
export type PublicData = (typeof publicDataKinds)[number];

/**
 * What a notice names: a kind of data, whose pages all go; one credential, whose verification page
 * alone goes; or one association's registry (any change to one of its credentials).
 */
export type PublicDataChange = PublicData | `credential ${string}` | `registry ${string}`;

export const credentialChange = (number: string): PublicDataChange => `credential ${number}`;

export const registryChange = (associationSlug: string): PublicDataChange => `registry ${associationSlug}`;

export function isPublicDataChange(value: string): value is PublicDataChange {
  return (publicDataKinds as readonly string[]).includes(value) || value.startsWith("credential ") || value.startsWith("registry ");
}
