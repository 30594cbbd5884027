import { createServer } from "node:http";

/**
 * The floor, run as its own process: a bare node:http server that answers each path with the
 * status, headers and body Cradle gave for it (bench/http/capture.ts), from memory, in one write.
 */
export type CapturedAnswer = { path: string; status: number; headers: Record<string, string | string[]>; body: Uint8Array };

process.once("message", (answers: CapturedAnswer[]) => {
  const byPath = new Map(answers.map((answer) => [answer.path, answer]));
  const server = createServer((request, response) => {
    const answer = byPath.get(request.url ?? "");
    if (!answer) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(answer.status, { ...answer.headers, "content-length": answer.body.length });
    response.end(answer.body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    process.send!(typeof address === "object" && address ? address.port : 0);
  });
});
process.on("disconnect", () => process.exit(0));
