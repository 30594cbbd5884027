const connectionErrorCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "57P01", "57P03", "08000", "08001", "08003", "08006"]);

/** True for errors that mean the database cannot be reached (as opposed to a bad query). */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnreachable);
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: string; message?: string };
  return (code !== undefined && connectionErrorCodes.has(code)) || /driver has already been destroyed|Connection terminated|timeout exceeded when trying to connect|PGlite is closed/i.test(message ?? "");
}
