/**
 * The rating form's live count of "not enough information" answers. The page is sent without
 * React (decision 022), so this small script keeps the count: the server wrote every text it can
 * show (one per count, in the page's language) into the status element, and the value the count
 * looks for.
 */
for (const status of document.querySelectorAll<HTMLElement>("[data-live-count]")) {
  const form = status.closest("form");
  const texts = JSON.parse(status.dataset.liveCount ?? "[]") as string[];
  const max = Number(status.dataset.max);
  const checked = `input[type="radio"][value="${CSS.escape(status.dataset.answer ?? "")}"]:checked`;
  const show = () => {
    const count = form?.querySelectorAll(checked).length ?? 0;
    status.textContent = texts[count] ?? "";
    status.className = count > max ? "form-error" : "hint";
  };
  form?.addEventListener("change", show);
  show();
}
