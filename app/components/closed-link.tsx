import type { ClosedLinkState } from "../../src/domain/link-state.ts";
import { PageTitle } from "./page-title.tsx";
import { useTranslate } from "../lib/use-translate.ts";

/** What someone sees when their emailed link no longer opens its form. */
export function ClosedLink({ state }: { state: ClosedLinkState }) {
  const t = useTranslate();
  const message = state === "expired" ? t("rating.expired") : state === "used" ? t("rating.used") : t("rating.unknown");
  return (
    <section className="narrow">
      <PageTitle title={message} />
      <h1>{message}</h1>
    </section>
  );
}
