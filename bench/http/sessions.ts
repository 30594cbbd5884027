import { HttpClient } from "../../tests/setup/http-client.ts";

/**
 * Logs in through the real form, as a browser does: the log-in page sets the CSRF cookie and
 * carries its token; the answer sets the session cookie. Returns the Cookie header to send.
 */
export async function logIn(baseUrl: string, email: string, password: string): Promise<string> {
  const client = await HttpClient.open(baseUrl);
  await client.get("/login");
  const answer = await client.post("/login", { email, password });
  if (answer.status !== 303 && answer.status !== 302)
    throw new Error(`logging in as ${email} answered ${answer.status}, not a redirect:\n${answer.text.slice(0, 500)}`);
  return client.cookieHeader();
}

/** The id of the person's first application, read from their applications page. */
export async function firstApplicationId(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(new URL("/applications", baseUrl), { headers: { cookie }, redirect: "manual" });
  const id = (await response.text()).match(/\/applications\/([0-9a-f-]{36})/)?.[1];
  if (!id) throw new Error(`/applications (${response.status}) links to no application`);
  return id;
}

/** The number of the person's first credential, read from their credentials page. */
export async function firstCredentialNumber(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(new URL("/credentials", baseUrl), { headers: { cookie }, redirect: "manual" });
  const number = (await response.text()).match(/\/verify\/([A-Z0-9-]+)/)?.[1];
  if (!number) throw new Error(`/credentials (${response.status}) links to no verification page`);
  return number;
}
