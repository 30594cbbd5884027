import { Link, redirect } from "react-router";
import type { Route } from "./+types/association-letters";
import { restoreLetterText, saveLetterText } from "../../src/commands/save-letter-text.ts";
import { letterChoice, letterTextsAction } from "../../src/forms/decision-forms.ts";
import { parseForm } from "../../src/forms/parse-form.ts";
import { letterTextsPage } from "../../src/queries/letter-texts.ts";
import { AppForm, ErrorSummary, TextAreaField, TextField } from "../components/form.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { invalid, invalidForm, read, requireUser, run } from "../lib/route-context.server.ts";
import { useTranslate } from "../lib/use-translate.ts";

function chosenIn(url: URL) {
  const parsed = letterChoice.safeParse({ kind: url.searchParams.get("kind") ?? "endorse", locale: url.searchParams.get("locale") ?? "en" });
  return parsed.success ? parsed.data : ({ kind: "endorse", locale: "en" } as const);
}

/** Staff word each letter their association sends, in English and Spanish, or keep Cradle's default. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  requireUser(context);
  const url = new URL(request.url);
  return { ...(await read(context, letterTextsPage, params.slug, chosenIn(url))), done: url.searchParams.get("done") };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  requireUser(context);
  const { association } = await read(context, letterTextsPage, params.slug, chosenIn(new URL(request.url)));
  const parsed = parseForm(letterTextsAction, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  const input = parsed.data;
  const result =
    input.intent === "save"
      ? await run(context, saveLetterText, { associationId: association.id, kind: input.kind, locale: input.locale, subject: input.subject, body: input.body })
      : await run(context, restoreLetterText, { associationId: association.id, kind: input.kind, locale: input.locale });
  if (!result.ok) return invalid(result.errors, parsed.values);
  throw redirect(`/a/${association.slug}/letters?kind=${input.kind}&locale=${input.locale}&done=${input.intent}`);
}

export default function AssociationLetters({ loaderData, actionData }: Route.ComponentProps) {
  const t = useTranslate();
  const { association, chosen } = loaderData;
  const state = actionData && !actionData.ok ? actionData : undefined;
  const title = `${association.name}: ${t("letterTexts.title")}`;
  const which = `${t(`letterTexts.kind.${chosen.kind}`)} (${t(`letterTexts.locale.${chosen.locale}`)})`;
  return (
    <section>
      <PageTitle title={title} />
      <h1>{title}</h1>
      {loaderData.done ? (
        <p role="status" className="notice">
          {t(loaderData.done === "restore" ? "letterTexts.restored" : "letterTexts.saved")}
        </p>
      ) : null}
      <p>{t("letterTexts.hint", { list: loaderData.placeholders.join(", ") })}</p>
      <ul>
        {loaderData.texts.map((text) => (
          <li key={`${text.kind}-${text.locale}`}>
            <Link
              to={`?kind=${text.kind}&locale=${text.locale}`}
              aria-current={text.kind === chosen.kind && text.locale === chosen.locale ? "page" : undefined}
            >
              {`${t(`letterTexts.kind.${text.kind}`)} (${t(`letterTexts.locale.${text.locale}`)})`}
            </Link>
            {` · ${t(text.own ? "letterTexts.own" : "letterTexts.default")}`}
          </li>
        ))}
      </ul>
      <h2>{which}</h2>
      <p className="muted">{t(chosen.own ? "letterTexts.own" : "letterTexts.default")}</p>
      <ErrorSummary state={state} fieldLabels={{ subject: t("letterTexts.subject"), body: t("letterTexts.body") }} />
      <AppForm key={`${chosen.kind}-${chosen.locale}`}>
        <input type="hidden" name="kind" value={chosen.kind} />
        <input type="hidden" name="locale" value={chosen.locale} />
        <TextField name="subject" label={t("letterTexts.subject")} state={state} defaultValue={chosen.subject} />
        <TextAreaField name="body" label={t("letterTexts.body")} state={state} defaultValue={chosen.body} rows={14} />
        <button type="submit" name="intent" value="save">
          {t("letterTexts.save")}
        </button>{" "}
        {chosen.own ? (
          <button type="submit" name="intent" value="restore" className="secondary-button">
            {t("letterTexts.restore")}
          </button>
        ) : null}
      </AppForm>
    </section>
  );
}
