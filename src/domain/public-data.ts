// No imports: the browser's bundle reads these too (app/root.tsx through src/server/public-pages.ts).

/**
 * What the public pages show, as the commands that change it name it (a command's `changes`) and
 * as the response cache tags its pages with (src/server/public-pages.ts).
 */
export const publicDataKinds = ["associations"] as const;
export type PublicData = (typeof publicDataKinds)[number];

/** What a notice names: a kind of data, whose pages all go, or one credential, whose verification page alone goes. */
export type PublicDataChange = PublicData | `credential ${string}`;

export const credentialChange = (number: string): PublicDataChange => `credential ${number}`;

export function isPublicDataChange(value: string): value is PublicDataChange {
  return (publicDataKinds as readonly string[]).includes(value) || value.startsWith("credential ");
}
