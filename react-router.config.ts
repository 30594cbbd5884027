import type { Config } from "@react-router/dev/config";
import { fingerprintBuildInputs, writeBuildFingerprint } from "./src/cli/build-fingerprint.ts";

// Taken as the build begins, so a file edited during the build makes the next `npm start` build again.
const inputsFingerprint = fingerprintBuildInputs(process.cwd());

export default {
  ssr: true,
  future: { v8_middleware: true, v8_trailingSlashAwareDataRequests: true },
  // `npm start` builds only when the sources changed since (src/cli/start.ts).
  buildEnd: ({ reactRouterConfig }) => writeBuildFingerprint(reactRouterConfig.buildDirectory, inputsFingerprint),
} satisfies Config;
