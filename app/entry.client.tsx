import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { loadCatalog } from "./lib/use-translate.ts";

// The page's language's messages first (one chunk, decision 018), so the first render matches the server's.
void loadCatalog(document.documentElement.lang === "es" ? "es" : "en").then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
});
