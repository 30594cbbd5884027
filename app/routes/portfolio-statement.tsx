import { useRef, useState } from "react";
import { Link } from "react-router";
import type { Route } from "./+types/portfolio-statement";
import { keepStatementDraft } from "../../src/commands/keep-statement-draft.ts";
import { saveWrittenStatement } from "../../src/commands/save-written-statement.ts";
import { countWords } from "../../src/domain/count-words.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { statementAction } from "../../src/forms/portfolio-actions.ts";
import { portfolioPolicy } from "../../src/policies/portfolio.ts";
import { statementForm } from "../../src/queries/portfolio.ts";
import { AppForm, describedBy, ErrorSummary, Field } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { authorize, invalid, invalidForm, run, services } from "../lib/route-context.server.ts";
import { skipAfterAutosave, useAutosave } from "../lib/use-autosave.ts";
import { useTranslate } from "../lib/use-translate.ts";

/** The personal statement, written here (a phone is enough) with its word count and the strictest limit of the person's associations. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = authorize(context, portfolioPolicy.editOwn);
  return statementForm(services(context), user);
}

/** Saves the statement; a refused one (blank, too long) is kept as a draft, as is what autosave sends; any other intent is refused. */
export async function action({ request, context }: Route.ActionArgs) {
  authorize(context, portfolioPolicy.editOwn);
  const parsed = parseForm(statementAction, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const { intent, text } = parsed.data;
  if (intent === "autosave") {
    const kept = await run(context, keepStatementDraft, { text });
    if (!kept.ok) return invalid(kept.errors, { text });
    return { autosaved: true as const };
  }
  const result = await run(context, saveWrittenStatement, { text });
  if (!result.ok) {
    await run(context, keepStatementDraft, { text });
    return invalid(result.errors, { text });
  }
  return { saved: true as const, words: result.value.words };
}

export const shouldRevalidate = skipAfterAutosave;

export default function PortfolioStatement({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const formRef = useRef<HTMLFormElement>(null);
  const isAutosaved = useAutosave(formRef);
  const failed = actionData && "errors" in actionData ? actionData : undefined;
  const initial = typeof failed?.values.text === "string" ? failed.values.text : loaderData.text;
  const [words, setWords] = useState(() => countWords(initial));
  const { limit } = loaderData;
  const error = failed?.errors.text;
  const overLimit = limit !== null && words > limit;
  const hint = limit === null ? t("statement.noLimit") : t("statement.limit", { limit: String(limit) });
  return (
    <section className="narrow">
      <PageTitle title={t("statement.title")} />
      <h1>{t("statement.title")}</h1>
      <p>{t("statement.intro")}</p>
      {actionData && "saved" in actionData ? (
        <p role="status" className="notice">
          {t("statement.saved")}
        </p>
      ) : null}
      {!failed && loaderData.hasDraft ? <p className="notice">{t("portfolio.draftRestored")}</p> : null}
      <ErrorSummary state={failed} fieldLabels={{ text: t("statement.label") }} />
      <AppForm ref={formRef}>
        <Field name="text" label={t("statement.label")} hint={hint} error={error ? t(error) : undefined}>
          <textarea
            id="field-text"
            name="text"
            rows={14}
            defaultValue={initial}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${describedBy("text", hint, error)} word-count`}
            onChange={(event) => setWords(countWords(event.currentTarget.value))}
          />
          <p id="word-count" className={overLimit ? "field-error" : "hint"} aria-live="polite">
            {limit === null ? t("statement.words", { words: String(words) }) : t("statement.wordsOfLimit", { words: String(words), limit: String(limit) })}
            {overLimit ? ` ${t("statement.overLimit")}` : ""}
          </p>
        </Field>
        <button type="submit" name="intent" value="save">
          {t("portfolio.save")}
        </button>{" "}
        <Link to="/portfolio">{t("portfolio.cancel")}</Link>
        <p role="status" className="autosave-status">
          {isAutosaved ? t("portfolio.autosaved") : ""}
        </p>
      </AppForm>
    </section>
  );
}
