import { useEffect, useState } from "react";
import { useFetcher } from "react-router";

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
      }, 800);
    };
    form.addEventListener("input", onChange);
    return () => {
      form.removeEventListener("input", onChange);
      clearTimeout(timer);
    };
  }, [formRef, fetcher]);
  return dirty && fetcher.state === "idle" && fetcher.data !== undefined;
}
