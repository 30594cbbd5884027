/** A tiny browser stand-in: keeps cookies, sends the CSRF token with each form, does not follow redirects. */
export class HttpClient {
  readonly cookies = new Map<string, string>();
  csrfToken = "";

  readonly baseUrl: string;

  private constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  /** A browser that has opened a page with a form (the log-in page), so it holds a CSRF cookie and token. */
  static async open(baseUrl: string): Promise<HttpClient> {
    const client = new HttpClient(baseUrl);
    await client.get("/login");
    return client;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.request("GET", path, undefined, headers);
  }

  /** A download as bytes (archives, images), with the session's cookies. */
  async getBytes(path: string): Promise<{ status: number; headers: Headers; bytes: Uint8Array }> {
    const response = await fetch(new URL(path, this.baseUrl), { redirect: "manual", headers: { cookie: this.cookieHeader() } });
    return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  /** Posts a form as a browser without JavaScript does (a list: the field repeated, as ticked boxes); the CSRF token is added unless given. */
  async post(path: string, fields: Record<string, string | string[]> = {}, headers: Record<string, string> = {}): Promise<Page> {
    const body = new URLSearchParams("csrf" in fields ? {} : { csrf: this.csrfToken });
    for (const [name, value] of Object.entries(fields)) for (const each of [value].flat()) body.append(name, each);
    return this.request("POST", path, body, { "content-type": "application/x-www-form-urlencoded", ...headers });
  }

  /** Posts a form with files, as a browser does for <input type="file">. */
  async postFiles(
    path: string,
    fields: Record<string, string>,
    files: Record<string, { name: string; type: string; content: string | Uint8Array<ArrayBuffer> }>,
    headers: Record<string, string> = {},
  ): Promise<Page> {
    const body = new FormData();
    body.set("csrf", this.csrfToken);
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    for (const [name, file] of Object.entries(files)) body.set(name, new File([file.content], file.name, { type: file.type }));
    return this.request("POST", path, body, headers);
  }

  async request(method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}): Promise<Page> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      body,
      redirect: "manual",
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = decodeURIComponent(pair.slice(index + 1));
      if (/Max-Age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const token = text.match(/name="csrf" value="([^"]+)"/)?.[1];
    if (token) this.csrfToken = token;
    return { status: response.status, headers: response.headers, text, location: response.headers.get("location") };
  }

  /** The Cookie header this browser sends, for tests that write a request by hand. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; ");
  }
}

export type Page = { status: number; headers: Headers; text: string; location: string | null };
