import type { Route } from "./+types/portfolio-documents";
import { documentTypes, uploadDocument } from "../../src/commands/upload-document.ts";
import { listDocumentsOfUser } from "../../src/data/documents.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { AppForm } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { authorize, commands, invalid, services } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

export async function loader({ context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const documents = await listDocumentsOfUser(services(context).db, user.userId);
  return { documents: documents.map((d) => ({ id: d.id, type: d.type, filename: d.filename, sizeKb: Math.ceil(d.size_bytes / 1024), date: d.created_at.toISOString().slice(0, 10) })) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  const form = await request.formData();
  const file = form.get("file");
  const type = documentTypes.find((candidate) => candidate === form.get("type")) ?? "other";
  if (!(file instanceof File)) return invalid({ file: "import.noFile" }, { type });
  const result = await uploadDocument(commands(context), services(context).files, user.userId, { type, filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!result.ok) return invalid(result.errors, { type });
  return { ok: true as const };
}

export default function Documents({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const error = actionData && "errors" in actionData ? actionData.errors.file : undefined;
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
      {loaderData.documents.length === 0 ? <p className="muted">{t("documents.none")}</p> : null}
      <ul className="entries">
        {loaderData.documents.map((document) => (
          <li key={document.id}>
            <a href={`/documents/${document.id}`}>{document.filename}</a>
            <span>{`${t(`documentType.${document.type as "other"}`)} · ${document.sizeKb} KB · ${document.date}`}</span>
          </li>
        ))}
      </ul>
      <AppForm encType="multipart/form-data">
        <div className="field">
          <label htmlFor="field-type">{t("documents.type")}</label>
          <select id="field-type" name="type">
            {documentTypes.map((type) => (
              <option key={type} value={type}>
                {t(`documentType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={error ? "field field-invalid" : "field"}>
          <label htmlFor="field-file">{t("documents.file")}</label>
          {error ? (
            <p className="field-error" id="error-file">
              {t(error)}
            </p>
          ) : null}
          <input id="field-file" type="file" name="file" accept=".pdf,.jpg,.jpeg,.png,.doc,.docx" aria-describedby={error ? "error-file" : undefined} />
        </div>
        <button type="submit">{t("documents.upload")}</button>
      </AppForm>
    </section>
  );
}
