import type { Framework } from "../../src/domain/framework-schema.ts";
import type { Locale } from "../../src/data/schema.ts";
import { translator } from "../../src/i18n/translate.ts";
import type { ChoiceOption } from "../components/entry-fields.tsx";

/** Choices that come from the frameworks: knowledge domains to count training toward, endorsements a provider may hold. */
export function frameworkOptions(frameworks: Framework[], locale: Locale): Record<string, ChoiceOption[]> {
  const t = translator(locale);
  return {
    domains: frameworks.flatMap((framework) =>
      framework.domains.map((domain) => ({
        value: domain.id,
        label: frameworks.length > 1 ? `${domain.name[locale]} (${framework.shortName})` : domain.name[locale],
      })),
    ),
    providerCredential: [
      { value: "", label: t("portfolio.noCredential") },
      ...frameworks.flatMap((framework) =>
        framework.categories.map((category) => ({ value: `${framework.id}/${category.id}`, label: `${category.abbreviation}: ${category.name[locale]} (${framework.shortName})` })),
      ),
    ],
  };
}

