import { readFile } from "node:fs/promises";
import { data, Link } from "react-router";
import type { Route } from "./+types/portfolio-import";
import { importPortfolioFile, maxImportBytes, type NotTaken } from "../../src/commands/import-portfolio-file.ts";
import { maxEntriesPerList } from "../../src/limits.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { AppForm, describedBy, Field } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { withUpload } from "../lib/read-upload.server.ts";
import { authorize, invalid, run } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

const shownRejections = 100;

export function loader({ context }: Route.LoaderArgs) {
  authorize(context, portfolioPolicy.editOwn);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  return withUpload(request, context, maxImportBytes, async ({ fields, files }) => {
    const file = files.get("file");
    const kind = fields.get("kind") === "csv" ? "csv" : "json";
    if (!file || file.sizeBytes === 0) return invalid({ file: "import.noFile" }, { kind });
    if (file.isOverLimit) return invalid({ file: "import.tooBig" }, { kind });
    const imported = await run(context, importPortfolioFile, { kind, file: new Uint8Array(await readFile(file.path)) }, user);
    if (!imported.ok) return invalid(imported.errors, { kind });
    // A list would pass its limit: nothing was imported, and the page names the lists.
    if (imported.value.tooMany.length > 0) return data({ ok: false as const, tooMany: imported.value.tooMany }, { status: 400 });
    // Counts, and the first reasons: a file of thousands of entries must not make a page of thousands of lines.
    const { added, skipped, rejected, notTaken } = imported.value;
    const report = {
      added: added.length,
      notTaken,
      skipped: skipped.length,
      rejected: rejected.slice(0, shownRejections),
      notShown: Math.max(0, rejected.length - shownRejections),
    };
    return { ok: true as const, report };
  });
}

export default function PortfolioImport({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const report = actionData && "report" in actionData ? actionData.report : undefined;
  const error = actionData && "errors" in actionData ? actionData.errors.file : undefined;
  const tooMany = actionData && "tooMany" in actionData ? actionData.tooMany : undefined;
  return (
    <section className="narrow">
      <PageTitle title={t("import.title")} />
      <h1>{t("import.title")}</h1>
      <p>{t("import.intro")}</p>
      {tooMany ? (
        <div role="alert" className="error-summary">
          <p>
            {t("limit.importTooManyEntries", {
              max: maxEntriesPerList,
              lists: tooMany.map(({ list, entries }) => t("limit.importListCount", { list, entries })).join(", "),
            })}
          </p>
        </div>
      ) : null}
      {report ? (
        <div role="status" className="notice">
          <p>{t("import.added", { count: report.added })}</p>
          {report.skipped > 0 ? <p>{t("import.skipped", { count: report.skipped })}</p> : null}
          <NotTakenList notTaken={report.notTaken} />
          {report.rejected.length > 0 ? (
            <>
              <p>{t("import.rejected")}</p>
              <ul>
                {report.rejected.map((item) => (
                  <li key={item.where}>{`${item.where}: ${item.reason}`}</li>
                ))}
              </ul>
              {report.notShown > 0 ? <p>{t("limit.importMoreRejected", { count: report.notShown })}</p> : null}
            </>
          ) : null}
          <Link to="/portfolio">{t("portfolio.cancel")}</Link>
        </div>
      ) : null}
      <AppForm encType="multipart/form-data">
        <fieldset className="field">
          <legend>{t("import.kind")}</legend>
          <div className="field-check">
            <input type="radio" id="kind-json" name="kind" value="json" defaultChecked />
            <label htmlFor="kind-json">{t("import.kindJson")}</label>
          </div>
          <div className="field-check">
            <input type="radio" id="kind-csv" name="kind" value="csv" />
            <label htmlFor="kind-csv">{t("import.kindCsv")}</label>
          </div>
          <p className="hint">{t("import.csvHelp")}</p>
        </fieldset>
        <Field name="file" label={t("import.file")} error={error ? t(error) : undefined}>
          <input
            id="field-file"
            type="file"
            name="file"
            accept=".json,.csv,application/json,text/csv"
            aria-describedby={describedBy("file", undefined, error)}
          />
        </Field>
        <button type="submit">{t("import.submit")}</button>
      </AppForm>
      <h2>{t("export.title")}</h2>
      <p>{t("export.help")}</p>
      <a href="/portfolio/export" download className="button secondary">
        {t("export.download")}
      </a>
    </section>
  );
}

/** What the file said that only the association, a rater, a supervisor or a provider sets, and why it was not taken. */
function NotTakenList({ notTaken }: { notTaken: NotTaken }) {
  const t = useTranslate();
  const { exams, references, raters, transcripts, confirmations, vettedProviders } = notTaken;
  const items = [
    references > 0
      ? `${t("import.referencesNotImported", { count: references })}${raters.length > 0 ? ` ${t("import.ratersInFile", { names: raters.join(", ") })}` : ""}`
      : "",
    transcripts > 0 ? t("import.transcriptsNotReceived", { count: transcripts }) : "",
    confirmations > 0 ? t("import.entriesUnconfirmed", { count: confirmations }) : "",
    vettedProviders > 0 ? t("import.providersNotAccepted", { count: vettedProviders }) : "",
    exams > 0 ? t("import.examsNotImported", { count: exams }) : "",
  ].filter(Boolean);
  if (items.length === 0) return null;
  return (
    <>
      <p>{t("import.notTaken")}</p>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}
