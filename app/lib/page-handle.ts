import { useMatches } from "react-router";

/**
 * What a route tells the layout through its `handle`. `hydrate: false`: the page is sent with no
 * script at all (no `<Scripts>`, no `<ScrollRestoration>`), for pages anyone may open, which work
 * as plain HTML; the JavaScript budget reads it too (decision 022).
 */
export type PageHandle = { hydrate?: boolean };

export const noScript: PageHandle = { hydrate: false };

/** Whether the page runs React in the browser: no route of the matched branch said `hydrate: false`. */
export function useHydrates(): boolean {
  return !useMatches().some((match) => (match.handle as PageHandle | undefined)?.hydrate === false);
}
