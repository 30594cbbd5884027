import { useMatches } from "react-router";

/**
 * What a route tells the layout through its `handle` (decision 022). `hydrate: false`: the page is
 * sent without React's scripts (no `<Scripts>`, no `<ScrollRestoration>`), for pages anyone may
 * open, which work as plain HTML; `scripts`: the few small scripts of its own such a page runs
 * instead. The JavaScript budget (src/cli/check-js-budget.ts) reads both.
 */
export type PageHandle = { hydrate?: boolean; scripts?: string[] };

export const noScript: PageHandle = { hydrate: false };

/** Without React, with these scripts (addresses from a `?worker&url` import, which Vite bundles and names by content). */
export function ownScriptsOnly(...scripts: string[]): PageHandle {
  return { hydrate: false, scripts };
}

/** Whether the page runs React in the browser (no route of the matched branch said `hydrate: false`), and otherwise its own scripts. */
export function usePageScripts(): { hydrates: boolean; scripts: string[] } {
  const handles = useMatches().map((match) => (match.handle ?? {}) as PageHandle);
  const hydrates = !handles.some((handle) => handle.hydrate === false);
  return { hydrates, scripts: hydrates ? [] : handles.flatMap((handle) => handle.scripts ?? []) };
}
