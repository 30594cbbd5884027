import { type ClientRequest, type IncomingMessage, request as httpRequest } from "node:http";

/** How long a test waits for an answer the server should give at once; raise it on a loaded machine. */
export const answerTimeoutMs = Number(process.env.TEST_ANSWER_TIMEOUT_MS ?? 15_000);

export type RawRequest = { request: ClientRequest; response: Promise<IncomingMessage> };

const openRequests = new Set<ClientRequest>();

/** For afterEach: a test that failed half-way must not leave a request that keeps the server from closing. */
export function destroyOpenRawRequests() {
  for (const request of openRequests) request.destroy();
  openRequests.clear();
}

/**
 * A request whose body the test writes itself, at its own pace: to send a body bigger than it
 * declares or than the server allows, or to stop part-way. `fetch` cannot do either.
 */
export function openRawRequest(baseUrl: string, method: string, path: string, headers: Record<string, string | number>): RawRequest {
  const request = httpRequest(new URL(path, baseUrl), { method, headers, agent: false });
  openRequests.add(request);
  request.once("close", () => openRequests.delete(request));
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    request.once("response", resolve);
    request.once("error", reject);
  });
  // The server may close the connection while the test is still writing: that is what some tests expect.
  request.on("error", () => {});
  // Send the headers now: the server can answer from them alone, before the test writes a byte of the body.
  request.flushHeaders();
  return { request, response };
}

/** Rejects when `promise` takes longer than `ms`, naming what did not happen. */
export function withinTime<T>(promise: Promise<T>, what: string, ms = answerTimeoutMs): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function readText(response: IncomingMessage): Promise<string> {
  let text = "";
  response.setEncoding("utf8");
  for await (const chunk of response) text += chunk;
  return text;
}
