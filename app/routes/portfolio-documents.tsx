import { readFile } from "node:fs/promises";
import type { Route } from "./+types/portfolio-documents";
import { uploadDocument } from "../../src/commands/upload-document.ts";
import { documentTypes, maxUploadBytes } from "../../src/forms/document-upload.ts";
import { translator } from "../../src/i18n/translate.ts";
import { describeEntry } from "../lib/describe-entry.server.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { documentsOf } from "../../src/queries/documents.ts";
import { AppForm, describedBy, ErrorSummary, Field } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { withUpload } from "../lib/read-upload.server.ts";
import { authorize, invalid, requestState, run, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const { documents, entries } = await documentsOf(services(context), user);
  const t = translator(requestState(context).locale);
  const labelled = entries.map((entry) => ({ id: entry.id, label: describeEntry(entry.section, entry.fields, t) }));
  const url = new URL(request.url);
  return {
    documents: documents.map(({ aboutEntryId, ...document }) => ({ ...document, about: labelled.find((entry) => entry.id === aboutEntryId)?.label ?? null })),
    entries: labelled,
    chosen: { about: url.searchParams.get("about") ?? "", type: url.searchParams.get("type") ?? "" },
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  return withUpload(request, context, maxUploadBytes, async ({ fields, files }) => {
    const file = files.get("file");
    const type = documentTypes.find((candidate) => candidate === fields.get("type")) ?? "other";
    const about = fields.get("about") ?? "";
    if (!file) return invalid({ file: "import.noFile" }, { type, about });
    if (file.isOverLimit) return invalid({ file: "documents.tooBig" }, { type, about });
    const result = await run(
      context,
      uploadDocument,
      { type, about: about || undefined, filename: file.filename, file: new Uint8Array(await readFile(file.path)) },
      user,
    );
    if (!result.ok) return invalid(result.errors, { type, about });
    return { ok: true as const };
  });
}

export default function Documents({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const failed = actionData && "errors" in actionData ? actionData : undefined;
  const error = failed?.errors.file;
  const aboutError = failed?.errors.about;
  const kept = {
    type: typeof failed?.values.type === "string" ? failed.values.type : undefined,
    about: typeof failed?.values.about === "string" ? failed.values.about : undefined,
  };
  return (
    <section className="narrow">
      <PageTitle title={t("documents.title")} />
      <h1>{t("documents.title")}</h1>
      <p>{t("documents.intro")}</p>
      {actionData && "ok" in actionData && actionData.ok ? (
        <p role="status" className="notice">
          {t("documents.uploaded")}
        </p>
      ) : null}
      <ErrorSummary state={failed} fieldLabels={{ type: t("documents.type"), about: t("documents.about"), file: t("documents.file") }} />
      {loaderData.documents.length === 0 ? <p className="muted">{t("documents.none")}</p> : null}
      <ul className="entries">
        {loaderData.documents.map((document) => (
          <li key={document.id}>
            <a href={`/documents/${document.id}`}>{document.filename}</a>
            <span>
              {`${t(`documentType.${document.type as "other"}`)} · ${document.sizeKb} KB · ${document.date}`}
              {document.about ? ` · ${t("documents.for", { entry: document.about })}` : ""}
            </span>
          </li>
        ))}
      </ul>
      <AppForm encType="multipart/form-data">
        <div className="field">
          <label htmlFor="field-type">{t("documents.type")}</label>
          <select id="field-type" name="type" defaultValue={kept.type ?? loaderData.chosen.type}>
            {documentTypes.map((type) => (
              <option key={type} value={type}>
                {t(`documentType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        {loaderData.entries.length > 0 ? (
          <Field name="about" label={t("documents.about")} error={aboutError ? t(aboutError) : undefined}>
            <select
              id="field-about"
              name="about"
              defaultValue={kept.about ?? loaderData.chosen.about}
              aria-invalid={aboutError ? true : undefined}
              aria-describedby={describedBy("about", undefined, aboutError)}
            >
              <option value="">{t("documents.aboutNone")}</option>
              {loaderData.entries.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.label}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field name="file" label={t("documents.file")} error={error ? t(error) : undefined}>
          <input
            id="field-file"
            type="file"
            name="file"
            accept=".pdf,.jpg,.jpeg,.png,.doc,.docx"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy("file", undefined, error)}
          />
        </Field>
        <button type="submit">{t("documents.upload")}</button>
      </AppForm>
    </section>
  );
}
