import { ConfigError, type Config } from "../config.ts";
import { secretInDataDir } from "./session-secret.ts";

/**
 * CREDENTIAL_KEY_SECRET seals the associations' signing keys. On the embedded database one process
 * owns the data folder, so a secret made there once is enough for the two-command start. On
 * PostgreSQL in production every process must open the same keys, and a secret in one machine's
 * data folder would lock the others out (or seal new keys they cannot open): it must be set.
 */
export function loadCredentialKeySecret(config: Config, driver: "pglite" | "postgres"): string {
  if (config.credentialKeySecret) return config.credentialKeySecret;
  if (driver === "postgres" && config.isProduction)
    throw new ConfigError(
      "Cradle cannot start: CREDENTIAL_KEY_SECRET is not set.\n" +
        "  On PostgreSQL every process must use the same secret to seal and open the associations' credential signing keys.\n" +
        "  Set CREDENTIAL_KEY_SECRET to at least 32 random characters (for example the output of `openssl rand -base64 32`),\n" +
        "  the same on every process, and keep it safe: without it no new credential can be signed.",
    );
  return secretInDataDir(config.dataDir, "credential-key-secret");
}
