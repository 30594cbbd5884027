import { type Child, startNodeChild } from "./child-processes.ts";
import type { CapturedAnswer } from "./floor-server.ts";
import type { LoadResult, LoadRound } from "./load-generator.ts";

/** Sends one message to a child and waits for its answer; fails if the child exits first. */
function ask<T>(child: Child, message: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onExit = () => reject(new Error(`a benchmark process exited unexpectedly:\n${child.output()}`));
    child.process.once("exit", onExit);
    child.process.once("message", (answer) => {
      child.process.off("exit", onExit);
      resolve(answer as T);
    });
    child.process.send(message as object);
  });
}

export type LoadGenerator = { run: (round: LoadRound) => Promise<LoadResult>; child: Child };

export function startLoadGenerator(): LoadGenerator {
  const child = startNodeChild(["bench/http/load-generator.ts"], { ipc: true });
  return { child, run: (round) => ask<LoadResult>(child, round) };
}

/** Starts the floor server with the captured answers; resolves with its port. */
export async function startFloorServer(answers: CapturedAnswer[]): Promise<{ port: number; child: Child }> {
  const child = startNodeChild(["bench/http/floor-server.ts"], { ipc: true });
  return { port: await ask<number>(child, answers), child };
}
