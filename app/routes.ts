import { index, route, type RouteConfig } from "@react-router/dev/routes";

/** Every page and endpoint of Cradle; tests/authz checks that each one refuses the wrong people. */
export default [
  index("routes/home.tsx"),
  route("signup", "routes/signup.tsx"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.ts"),
  route("verify-email", "routes/verify-email.tsx"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password", "routes/reset-password.tsx"),
  route("language", "routes/language.ts"),
  route("account", "routes/account.tsx"),
  route("portfolio", "routes/portfolio.tsx"),
  route("portfolio/export", "routes/portfolio-export.ts"),
  route("portfolio/import", "routes/portfolio-import.tsx"),
  route("portfolio/references", "routes/portfolio-references.tsx"),
  route("portfolio/:section/:entryId", "routes/portfolio-entry.tsx"),
  route("r/:token", "routes/rate-reference.tsx"),
  route("progress", "routes/progress.tsx"),
  route("owner/associations", "routes/owner-associations.tsx"),
  route("owner/associations/:slug", "routes/owner-association-edit.tsx"),
  route("a/:slug", "routes/association.tsx"),
  route("a/:slug/people", "routes/association-people.tsx"),
  route("dev/mail", "routes/dev-mail.tsx"),
  route("healthz", "routes/healthz.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
