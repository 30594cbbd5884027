import { notFound } from "../lib/route-context.server.ts";

export function loader(): never {
  notFound();
}

export function action(): never {
  notFound();
}

export default function NotFound() {
  return null;
}
