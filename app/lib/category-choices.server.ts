import type { RouterContextProvider } from "react-router";
import { personFrameworks } from "./person-frameworks.server.ts";

/** Every category a person may work toward, one per association that offers it, as "association|framework|category" choices. */
export async function categoryChoices(context: Readonly<RouterContextProvider>, userId: string) {
  const { associations } = await personFrameworks(context, userId);
  return associations.flatMap((association) =>
    association.frameworks.flatMap((framework) =>
      framework.categories.map((category) => ({
        value: `${association.id}|${framework.id}|${category.id}`,
        association: association.name,
        name: category.name,
        abbreviation: category.abbreviation,
        offersCandidacy: category.candidateStatusYears !== undefined,
      })),
    ),
  );
}
