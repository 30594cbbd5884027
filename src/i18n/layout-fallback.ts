import type { Catalog } from "./format.ts";

/**
 * The layout and the error page in English, for the one case the page brings no catalogue: a
 * request the root middleware refused (an expired form, the database unreachable). Kept equal to
 * messages-en.ts by a test; the browser bundle holds these and no other messages.
 */
export const layoutFallback: Catalog = {
  "app.name": "Cradle",
  "layout.skipToContent": "Skip to main content",
  "layout.mainNavigation": "Main",
  "layout.language": "Language",
  "layout.changeLanguage": "Change",
  "layout.footer": "Cradle is open-source software for infant and early childhood mental health associations.",
  "nav.home": "Home",
  "nav.signUp": "Create an account",
  "nav.logIn": "Log in",
  "nav.logOut": "Log out",
  "nav.account": "My account",
  "nav.associations": "Associations",
  "nav.devMail": "Dev mailbox",
  "nav.portfolio": "My portfolio",
  "nav.progress": "My progress",
  "nav.applications": "My applications",
  "nav.inbox": "Messages",
  "language.en": "English",
  "language.es": "Español",
  "error.csrf": "This form could not be sent because the page had expired. Please reload the page and send it again.",
  "errorPage.title": "Something went wrong",
  "errorPage.401": "Please log in to see this page.",
  "errorPage.403": "You do not have access to this page.",
  "errorPage.404": "We could not find this page.",
  "errorPage.503": "Cradle cannot reach its database right now. Your saved work is safe; please try again in a few minutes.",
  "errorPage.500": "Something went wrong on our side. Your saved work is safe: please try again in a few minutes. If it keeps happening, contact your association.",
  "errorPage.home": "Go to the home page",
};
