import { notFound } from "../lib/route-context.server.ts";
import { noScript } from "../lib/page-handle.ts";

/** Works as plain HTML: sent with no script (decision 022). */
export const handle = noScript;

export function loader(): never {
  notFound();
}

export function action(): never {
  notFound();
}

export default function NotFound() {
  return null;
}
