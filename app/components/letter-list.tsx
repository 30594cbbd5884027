import { useTranslate } from "../lib/use-translate.ts";

type Letter = { id: string; href: string; subject: string; date: string };

/** An application's letters, each a PDF to download, newest as the page lists them. */
export function LetterList({ letters }: { letters: readonly Letter[] }) {
  const t = useTranslate();
  return (
    <ul>
      {letters.map((letter) => (
        <li key={letter.id}>
          <a href={letter.href} download>
            {t("letters.download", { subject: letter.subject, date: letter.date })}
          </a>
        </li>
      ))}
    </ul>
  );
}
