import { Form, Link, useLocation } from "react-router";
import type { ListPage } from "../../src/queries/list-page.ts";
import { useTranslate } from "../lib/use-translate.ts";

const pageParameters = ["after", "before", "page"];

/** The address of another page of this list: the same filters, another position. */
function pageHref(pathname: string, search: string, position: Record<string, string>) {
  const params = new URLSearchParams(search);
  for (const name of pageParameters) params.delete(name);
  for (const [name, value] of Object.entries(position)) params.set(name, value);
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/**
 * Where the reader is in a long list and plain links to the pages around it (no JavaScript needed):
 * first, previous, next and last, each keeping the list's filters.
 */
export function Pager({ page, label }: { page: ListPage; label: string }) {
  const t = useTranslate();
  const { pathname, search } = useLocation();
  if (page.total === 0) return null;
  const href = (position: Record<string, string>) => pageHref(pathname, search, position);
  const pastTheEnd = page.from === 0;
  const position = <p>{pastTheEnd ? t("pager.pastTheEnd") : t("pager.showing", { from: page.from, to: page.to, total: page.total })}</p>;
  // A list that fits on one page has no pages to move between: its count is enough.
  if (!page.previous && !page.next && !pastTheEnd) return position;
  return (
    <nav aria-label={label} className="pager">
      {position}
      <ul>
        {page.previous || pastTheEnd ? (
          <li>
            <Link to={href({})}>{t("pager.first")}</Link>
          </li>
        ) : null}
        {page.previous ? (
          <li>
            <Link to={href({ before: page.previous })} rel="prev">
              {t("pager.previous")}
            </Link>
          </li>
        ) : null}
        {page.next ? (
          <li>
            <Link to={href({ after: page.next })} rel="next">
              {t("pager.next")}
            </Link>
          </li>
        ) : null}
        {page.next ? (
          <li>
            <Link to={href({ page: "last" })}>{t("pager.last")}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** Said above a list whose address asked for a page or filter Cradle did not understand. */
export function MisreadNotice({ page }: { page: ListPage }) {
  const t = useTranslate();
  return page.misread ? (
    <p role="status" className="notice">
      {t("pager.misread")}
    </p>
  ) : null;
}

type FilterChoice = { name: string; label: string; selected: string | null; options: readonly { value: string; label: string }[] };

type SearchBox = { name: string; label: string; value: string };

/** A list's filters as a GET form: works without JavaScript, and the chosen filters stay in the address of every page. */
function ListFilter({ choices, search }: { choices: readonly FilterChoice[]; search?: SearchBox }) {
  const t = useTranslate();
  return (
    <Form method="get" className="list-filter" key={[...choices.map((choice) => choice.selected ?? ""), search?.value].join("|")}>
      {search ? (
        <p>
          <label htmlFor={`filter-${search.name}`}>{search.label}</label>{" "}
          <input type="search" id={`filter-${search.name}`} name={search.name} defaultValue={search.value} maxLength={200} />
        </p>
      ) : null}
      {choices.map((choice) => (
        <p key={choice.name}>
          <label htmlFor={`filter-${choice.name}`}>{choice.label}</label>{" "}
          <select id={`filter-${choice.name}`} name={choice.name} defaultValue={choice.selected ?? ""}>
            {choice.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </p>
      ))}
      <button type="submit" className="secondary-button">
        {t("listFilter.show")}
      </button>
    </Form>
  );
}

type StatusFilterProps<Status extends string> = {
  filter: { status: Status | null };
  statusCounts: readonly { status: Status; count: number }[];
  statusLabel: (status: Status) => string;
};

/** One status to show, each offered with how many rows have it. */
function statusChoice<Status extends string>(t: ReturnType<typeof useTranslate>, props: StatusFilterProps<Status>): FilterChoice {
  return {
    name: "status",
    label: t("listFilter.status"),
    selected: props.filter.status,
    options: [
      { value: "", label: t("listFilter.all") },
      ...props.statusCounts.map(({ status, count }) => ({ value: status, label: t("listFilter.counted", { label: props.statusLabel(status), count }) })),
    ],
  };
}

/** The staff lists' filters: one status (each with how many match in the window) and a window of the last 30, 90 or 365 days. */
export function StatusAndWindowFilter<Status extends string>(props: {
  filter: { status: Status | null; window: string | null; windows: readonly string[] };
  statusCounts: readonly { status: Status; count: number }[];
  statusLabel: (status: Status) => string;
  windowLabel: string;
}) {
  const t = useTranslate();
  return (
    <ListFilter
      choices={[
        statusChoice(t, props),
        {
          name: "window",
          label: props.windowLabel,
          selected: props.filter.window,
          options: [
            { value: "", label: t("listFilter.anyTime") },
            ...props.filter.windows.map((days) => ({ value: days, label: t("listFilter.lastDays", { days }) })),
          ],
        },
      ]}
    />
  );
}

/** A list's status filter (each status with how many match) beside a search box. */
export function StatusAndSearchFilter<Status extends string>(props: StatusFilterProps<Status> & { filter: { search: string }; searchLabel: string }) {
  const t = useTranslate();
  return <ListFilter search={{ name: "search", label: props.searchLabel, value: props.filter.search }} choices={[statusChoice(t, props)]} />;
}

/** A list's lookup by a piece of text alone. */
export function SearchFilter({ value, label }: { value: string; label: string }) {
  return <ListFilter search={{ name: "search", label, value }} choices={[]} />;
}
