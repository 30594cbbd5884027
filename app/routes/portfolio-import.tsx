import { Link } from "react-router";
import type { Route } from "./+types/portfolio-import";
import { type ImportReport, importPortfolioJson, importTrainingCsv } from "../../src/commands/import-portfolio.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { AppForm, describedBy, Field } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { authorize, commands, invalid } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

const maxBytes = 5 * 1024 * 1024;

export function loader({ context }: Route.LoaderArgs) {
  authorize(context, portfolioPolicy.editOwn);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const form = await request.formData();
  const file = form.get("file");
  const kind = form.get("kind") === "csv" ? "csv" : "json";
  if (!(file instanceof File) || file.size === 0) return invalid({ file: "import.noFile" }, { kind });
  if (file.size > maxBytes) return invalid({ file: "import.tooBig" }, { kind });
  const text = await file.text();
  const report: ImportReport = kind === "csv" ? await importTrainingCsv(commands(context), user.userId, new Uint8Array(await file.arrayBuffer())) : await importPortfolioJson(commands(context), user.userId, text);
  return { ok: true as const, report };
}

export default function PortfolioImport({ actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const report = actionData && "report" in actionData ? actionData.report : undefined;
  const error = actionData && "errors" in actionData ? actionData.errors.file : undefined;
  return (
    <section className="narrow">
      <PageTitle title={t("import.title")} />
      <h1>{t("import.title")}</h1>
      <p>{t("import.intro")}</p>
      {report ? (
        <div role="status" className="notice">
          <p>{t("import.added", { count: report.added.length })}</p>
          {report.skipped.length > 0 ? <p>{t("import.skipped", { count: report.skipped.length })}</p> : null}
          {report.rejected.length > 0 ? (
            <>
              <p>{t("import.rejected")}</p>
              <ul>
                {report.rejected.map((item) => (
                  <li key={item.where}>{`${item.where}: ${item.reason}`}</li>
                ))}
              </ul>
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
          <input id="field-file" type="file" name="file" accept=".json,.csv,application/json,text/csv" aria-describedby={describedBy("file", undefined, error)} />
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
