import type { HistoryActor } from "../../src/queries/application-history.ts";
import type { ApplicationStatus } from "../../src/domain/application-lifecycle.ts";
import { useTranslate } from "../lib/use-translate.ts";

type History = {
  events: Array<{ status: ApplicationStatus; at: string; by: HistoryActor }>;
  versions: Array<{ version: number; at: string; sha256: string }>;
};

/**
 * An application's history: each status with who and when, then each version of the frozen file
 * with its fingerprint. `versionHref` links a version to its read-only file (the staff page).
 */
export function ApplicationHistory({ history, versionHref }: { history: History; versionHref?: (version: number) => string }) {
  const t = useTranslate();
  const who = (by: HistoryActor) => (by.kind === "person" ? t("history.byPerson", { name: by.name }) : t(`history.by.${by.kind}`));
  return (
    <section aria-labelledby="application-history">
      <h2 id="application-history">{t("application.history")}</h2>
      <ol className="history">
        {history.events.map((event, index) => (
          <li key={index}>{t("history.event", { at: event.at, status: t(`application.status.${event.status}`), by: who(event.by) })}</li>
        ))}
      </ol>
      {history.versions.length > 0 ? (
        <>
          <h3>{t("history.versions")}</h3>
          <ul className="history">
            {history.versions.map((version) => {
              const label = t("history.version", { version: String(version.version), at: version.at });
              return (
                <li key={version.version}>
                  {versionHref ? <a href={versionHref(version.version)}>{label}</a> : label}
                  <span className="muted hash">{` · SHA-256 ${version.sha256}`}</span>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
