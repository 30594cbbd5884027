import { useTranslate } from "../lib/use-translate.ts";

/** React 19 moves a <title> rendered anywhere into the document head; every page names itself. */
export function PageTitle({ title }: { title?: string }) {
  const t = useTranslate();
  return <title>{title ? `${title} · ${t("app.name")}` : t("app.name")}</title>;
}
