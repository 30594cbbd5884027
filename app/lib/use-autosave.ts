import { useEffect, useState } from "react";
import { type ShouldRevalidateFunctionArgs, useFetcher } from "react-router";

/** How long after the last key press a draft is kept. */
export const autosaveDelay = 800;

/**
 * A route with an autosaved form exports this as `shouldRevalidate`: keeping a draft changes
 * nothing the page shows, and reloading its data would hand the form new values while the person
 * is still typing in it.
 */
export function skipAfterAutosave({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs): boolean {
  return formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate;
}

/** With JavaScript, what is typed is kept as a draft a moment after each change; without it, on submit. */
export function useAutosave(formRef: React.RefObject<HTMLFormElement | null>) {
  const fetcher = useFetcher();
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      setDirty(true);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const data = new FormData(form);
        data.set("intent", "autosave");
        void fetcher.submit(data, { method: "post" });
      }, autosaveDelay);
    };
    form.addEventListener("input", onChange);
    return () => {
      form.removeEventListener("input", onChange);
      clearTimeout(timer);
    };
  }, [formRef, fetcher]);
  return dirty && fetcher.state === "idle" && fetcher.data !== undefined;
}
