import { gzipSync } from "node:zlib";

/** The parts of React Router's browser manifest (`build/server/index.js` exports it as `assets`) that say what a page loads. */
export type BrowserManifest = {
  url: string;
  entry: { module: string; imports?: string[] };
  routes: Record<string, { id: string; parentId?: string; path?: string; index?: boolean; module: string; imports?: string[]; hasDefaultExport: boolean }>;
};

export type Audience = "public" | "signed-in";

export type PageWeight = { routeId: string; path: string; audience: Audience; hydrates: boolean; files: string[]; raw: number; gzip: number; budget: number };

/** Gzip bytes a page may load (decision 022): pages anyone may open, and pages for people signed in. */
export const budgets: Record<Audience, number> = { public: 60 * 1024, "signed-in": 150 * 1024 };

/** What a route's handle says (app/lib/page-handle.ts). */
type PageHandle = { hydrate?: boolean; scripts?: string[] } | undefined;

function branch(manifest: BrowserManifest, routeId: string): string[] {
  const ids: string[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) ids.unshift(id);
  return ids;
}

function pathOf(manifest: BrowserManifest, routeId: string): string {
  const parts = branch(manifest, routeId).map((id) => manifest.routes[id]?.path ?? "");
  return "/" + parts.filter((part) => part !== "").join("/");
}

/**
 * A page whose route or a parent says `hydrate: false` is sent without React (app/root.tsx): it
 * loads only the scripts its handles name.
 */
function ownScriptsOf(manifest: BrowserManifest, handles: Record<string, unknown>, routeId: string): string[] | null {
  const pageHandles = branch(manifest, routeId).map((id) => handles[id] as PageHandle);
  if (!pageHandles.some((handle) => handle?.hydrate === false)) return null;
  return [...new Set(pageHandles.flatMap((handle) => handle?.scripts ?? []))];
}

/**
 * The scripts a hydrating page loads before it runs: the manifest, the entry, each route of its
 * branch with its static imports (the modulepreload links), and one language's catalogue, which
 * the entry imports before hydrating (decision 018). The biggest catalogue stands for any.
 */
function scriptsOf(manifest: BrowserManifest, routeId: string, catalogue: string | undefined): string[] {
  const routes = branch(manifest, routeId).map((id) => manifest.routes[id]);
  const files = [manifest.url, manifest.entry.module, ...(manifest.entry.imports ?? [])];
  for (const route of routes) if (route) files.push(route.module, ...(route.imports ?? []));
  if (catalogue) files.push(catalogue);
  return [...new Set(files)];
}

/** Every page (a route with a view) with the bytes of script it loads, raw and gzipped, and its budget. */
export function weighPages(input: {
  manifest: BrowserManifest;
  handles: Record<string, unknown>;
  signedIn: ReadonlySet<string>;
  catalogues: string[];
  read: (url: string) => Buffer;
}): PageWeight[] {
  const { manifest, handles, signedIn, read } = input;
  const gzipOf = new Map<string, number>();
  const sizes = (url: string) => {
    const bytes = read(url);
    if (!gzipOf.has(url)) gzipOf.set(url, gzipSync(bytes).length);
    return { raw: bytes.length, gzip: gzipOf.get(url) ?? 0 };
  };
  const catalogue = [...input.catalogues].sort((a, b) => sizes(b).gzip - sizes(a).gzip)[0];
  return Object.values(manifest.routes)
    .filter((route) => route.id !== "root" && route.hasDefaultExport)
    .map((route) => {
      const audience: Audience = signedIn.has(route.id) ? "signed-in" : "public";
      const ownScripts = ownScriptsOf(manifest, handles, route.id);
      const files = ownScripts ?? scriptsOf(manifest, route.id, catalogue);
      const raw = files.reduce((sum, file) => sum + sizes(file).raw, 0);
      const gzip = files.reduce((sum, file) => sum + sizes(file).gzip, 0);
      return { routeId: route.id, path: pathOf(manifest, route.id), audience, hydrates: ownScripts === null, files, raw, gzip, budget: budgets[audience] };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A table a person reads in a CI log: each page, its audience, raw and gzip bytes, its budget, and OVER where it fails. */
export function budgetTable(pages: PageWeight[]): string {
  const rows = pages.map((page) => [
    page.path,
    page.audience,
    page.hydrates ? "yes" : "no",
    kilobytes(page.raw),
    kilobytes(page.gzip),
    kilobytes(page.budget),
    page.gzip > page.budget ? "OVER" : "ok",
  ]);
  const header = ["page", "audience", "hydrates", "raw", "gzip", "budget", ""];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
