import { z } from "zod";

/** Settings read from the environment once at start; every variable is listed in .env.example. */
export type Config = {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  baseUrl: string;
  /** No BASE_URL was given: the server fills in the port it actually listens on. */
  isBaseUrlDerived: boolean;
  sessionSecret: string | undefined;
  /** Seals the associations' credential signing keys in the database (decision on keys; generated into DATA_DIR when unset on the embedded database). */
  credentialKeySecret: string | undefined;
  /** NODE_ENV is `production`: React's production build renders (the server sets it unless told otherwise). */
  isProduction: boolean;
  /**
   * The dev mailbox (/dev/mail, every outgoing message with its links) opens only where no mail can
   * leave and nobody else can reach the site: no SMTP_URL and BASE_URL on this machine (localhost,
   * 127.0.0.1 or ::1). NODE_ENV has no say: the quick start runs in production mode and keeps it.
   */
  hasDevMailbox: boolean;
  /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For hop. */
  trustProxy: boolean;
  logLevel: string;
  /** Documents go to this S3-compatible bucket instead of DATA_DIR/files when set. */
  s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | undefined;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
  } catch {
    return false;
  }
}, "must look like postgres://user:password@host:5432/database");

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: postgresUrl.optional(),
    SMTP_URL: z
      .string()
      .refine((value) => /^smtps?:\/\/[^/]+/.test(value), "must look like smtp://user:password@host:587")
      .optional(),
    BASE_URL: z.url().optional(),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    CREDENTIAL_KEY_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    NODE_ENV: z.string().optional(),
    TRUST_PROXY: z.enum(["true", "false", "1", "0"], "must be true or false").default("false"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    S3_ENDPOINT: z.url().optional(),
    S3_BUCKET: z.string().min(3).max(63).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  })
  .superRefine((values, context) => {
    const s3 = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
    if (!s3.some((name) => values[name] !== undefined)) return;
    for (const name of s3)
      if (values[name] === undefined)
        context.addIssue({ code: "custom", path: [name], message: "is needed too when documents go to S3 (set all four S3_ settings, or none)" });
  });

export function readConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Cradle cannot start: the environment has invalid settings.\n${problems.join("\n")}`);
  }
  const values = parsed.data;
  const baseUrl = (values.BASE_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, "");
  return {
    port: values.PORT,
    dataDir: values.DATA_DIR,
    databaseUrl: values.DATABASE_URL,
    smtpUrl: values.SMTP_URL,
    baseUrl,
    isBaseUrlDerived: values.BASE_URL === undefined,
    sessionSecret: values.SESSION_SECRET,
    credentialKeySecret: values.CREDENTIAL_KEY_SECRET,
    isProduction: values.NODE_ENV === "production",
    hasDevMailbox: values.SMTP_URL === undefined && isOnThisMachine(baseUrl),
    trustProxy: values.TRUST_PROXY === "true" || values.TRUST_PROXY === "1",
    logLevel: values.LOG_LEVEL,
    s3:
      values.S3_ENDPOINT && values.S3_BUCKET && values.S3_ACCESS_KEY_ID && values.S3_SECRET_ACCESS_KEY
        ? {
            endpoint: values.S3_ENDPOINT,
            bucket: values.S3_BUCKET,
            region: values.S3_REGION,
            accessKeyId: values.S3_ACCESS_KEY_ID,
            secretAccessKey: values.S3_SECRET_ACCESS_KEY,
          }
        : undefined,
  };
}

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

function isOnThisMachine(baseUrl: string): boolean {
  return loopbackHosts.has(new URL(baseUrl).hostname.toLowerCase());
}
