import { Link } from "react-router";
import { useTranslate } from "../lib/use-translate.ts";

/** Links that start a session (or a series) from the last one with each provider entered before, so a provider is typed once. */
export function KnownProviderLinks({ providers }: { providers: ReadonlyArray<{ name: string; fromEntryId: string }> }) {
  const t = useTranslate();
  return (
    <ul>
      {providers.map((provider) => (
        <li key={provider.fromEntryId}>
          <Link to={`?from=${encodeURIComponent(provider.fromEntryId)}`}>{t("series.startFrom", { provider: provider.name })}</Link>
        </li>
      ))}
    </ul>
  );
}
