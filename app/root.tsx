import { isRouteErrorResponse, Link, type ShouldRevalidateFunctionArgs, Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation } from "react-router";
import type { Route } from "./+types/root";
import { AppForm } from "./components/form.tsx";
import { requestStateMiddleware } from "./lib/request-state.server.ts";
import { requestState, services } from "./lib/route-context.server.ts";
import { loadCatalog, type RootData, useLocale, useRootData, useTranslate } from "./lib/use-translate.ts";
import { accountPolicy } from "../src/policies/account.ts";
import stylesheet from "./styles/app.css?url";
import { PageTitle } from "./components/page-title.tsx";
import { skipAfterAutosave } from "./lib/use-autosave.ts";
import { usePageScripts } from "./lib/page-handle.ts";
import { publicPageAt } from "../src/server/public-pages.ts";

export const middleware: Route.MiddlewareFunction[] = [requestStateMiddleware];

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/**
 * Keeping a draft changes nothing the shell shows. A public page came without a CSRF token
 * (decision 021): leaving it for another page fetches one for that page's forms.
 */
export const shouldRevalidate = (args: ShouldRevalidateFunctionArgs) =>
  (publicPageAt(args.currentUrl.pathname) !== undefined && publicPageAt(args.nextUrl.pathname) === undefined) || skipAfterAutosave(args);

export function loader({ context }: Route.LoaderArgs): RootData {
  const state = requestState(context);
  return {
    locale: state.locale,
    csrfToken: state.csrfToken(),
    user: state.user ? { name: state.user.name, isOwner: state.user.isOwner } : null,
    showDevMailbox: accountPolicy.readDevMailbox(state.user, services(context).config.hasDevMailbox),
  };
}

/** After a change of language in the browser (the language switch, logging in), its messages arrive before the page shows. */
export async function clientLoader({ serverLoader }: Route.ClientLoaderArgs): Promise<RootData> {
  const data = await serverLoader();
  await loadCatalog(data.locale);
  return data;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const locale = useLocale();
  const t = useTranslate();
  const { hydrates, scripts } = usePageScripts();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("layout.skipToContent")}
        </a>
        <header className="site-header">
          <Link to="/" className="brand">
            {t("app.name")}
          </Link>
          <SiteNavigation />
          <LanguageSwitch />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t("layout.footer")}</p>
        </footer>
        {hydrates ? (
          <>
            <ScrollRestoration />
            <Scripts />
          </>
        ) : (
          scripts.map((script) => <script key={script} src={script} defer />)
        )}
      </body>
    </html>
  );
}

function SiteNavigation() {
  const root = useRootData();
  const t = useTranslate();
  const user = root?.user;
  return (
    <nav aria-label={t("layout.mainNavigation")}>
      <ul>
        <li>
          <Link to="/">{t("nav.home")}</Link>
        </li>
        {user?.isOwner ? (
          <li>
            <Link to="/owner/associations">{t("nav.associations")}</Link>
          </li>
        ) : null}
        {root?.showDevMailbox ? (
          <li>
            <Link to="/dev/mail">{t("nav.devMail")}</Link>
          </li>
        ) : null}
        {user ? (
          <>
            <li>
              <Link to="/portfolio">{t("nav.portfolio")}</Link>
            </li>
            <li>
              <Link to="/progress">{t("nav.progress")}</Link>
            </li>
            <li>
              <Link to="/applications">{t("nav.applications")}</Link>
            </li>
            <li>
              <Link to="/credentials">{t("credentials.title")}</Link>
            </li>
            <li>
              <Link to="/inbox">{t("nav.inbox")}</Link>
            </li>
            <li>
              <Link to="/account">{t("nav.account")}</Link>
            </li>
            <li>
              <AppForm action="/logout" className="inline-form">
                <button type="submit" className="link-button">
                  {t("nav.logOut")}
                </button>
              </AppForm>
            </li>
          </>
        ) : (
          <>
            <li>
              <Link to="/login">{t("nav.logIn")}</Link>
            </li>
            <li>
              <Link to="/signup">{t("nav.signUp")}</Link>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

function LanguageSwitch() {
  const t = useTranslate();
  const locale = useLocale();
  const location = useLocation();
  return (
    <AppForm action="/language" className="language-switch">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor="language-select">{t("layout.language")}</label>
      <select id="language-select" name="locale" defaultValue={locale} key={locale}>
        <option value="en" lang="en">
          {t("language.en")}
        </option>
        <option value="es" lang="es">
          {t("language.es")}
        </option>
      </select>
      <button type="submit">{t("layout.changeLanguage")}</button>
    </AppForm>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const t = useTranslate();
  const location = useLocation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const reason = isRouteErrorResponse(error) ? (error.data as { reason?: string } | undefined)?.reason : undefined;
  const message =
    reason === "csrf"
      ? t("error.csrf")
      : status === 401
        ? t("errorPage.401")
        : status === 403
          ? t("errorPage.403")
          : status === 404
            ? t("errorPage.404")
            : status === 503
              ? t("errorPage.503")
              : t("errorPage.500");
  return (
    <section className="error-page">
      <PageTitle title={t("errorPage.title")} />
      <h1>{t("errorPage.title")}</h1>
      <p>{message}</p>
      {status === 401 ? (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}>{t("nav.logIn")}</Link>
        </p>
      ) : null}
      <p>
        <Link to="/">{t("errorPage.home")}</Link>
      </p>
    </section>
  );
}
