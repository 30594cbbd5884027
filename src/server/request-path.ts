/** The decoded path of a request, or undefined when a percent-escape in it is malformed (`/%zz`, `/%E0%A4%A`). */
export function decodedPathOf(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? "/", "http://x").pathname);
  } catch {
    return undefined;
  }
}
