import { PDFDocument, StandardFonts } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { drawable, letterPdf } from "../../src/letters/letter-pdf.ts";

async function read(bytes: Uint8Array) {
  const { text, totalPages } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return { text: text.replace(/\s+/g, " "), totalPages };
}

const letter = {
  association: "Asociación de Salud Mental Infantil",
  date: "2026-12-07",
  applicant: "María José Núñez",
  subject: "¿Su solicitud? ¡Aplazada!",
  body: "Estimada María José:\n\nAñada más horas de supervisión reflexiva.\n\nAsociación de Salud Mental Infantil, 2026-12-07",
  locale: "es",
};

describe("a letter as a PDF", () => {
  it("has the association, the date, the applicant, the subject and the body, with Spanish accents", async () => {
    const { text, totalPages } = await read(await letterPdf(letter, new Date("2026-12-07T12:00:00Z")));
    expect(totalPages).toBe(1);
    for (const part of [letter.association, letter.date, letter.applicant, letter.subject, "Añada más horas de supervisión reflexiva."])
      expect(text).toContain(part);
  });

  it("wraps a long body within the margins over as many pages as it takes, losing no word", async () => {
    const words = Array.from({ length: 1500 }, (_, index) => `palabra${index}`);
    const { text, totalPages } = await read(await letterPdf({ ...letter, body: words.join(" ") }, new Date()));
    expect(totalPages).toBeGreaterThan(1);
    expect(text).toContain("palabra0 palabra1");
    expect(text).toContain("palabra1499");
    expect(text.match(/palabra\d+/g)).toHaveLength(words.length);
  });

  it.each([
    ["Spanish", "áéíóú ÁÉÍÓÚ ñÑ ü ¿¡ «» €", "áéíóú ÁÉÍÓÚ ñÑ ü ¿¡ «» €"],
    ["a letter the font lacks: its accent dropped, else a question mark", "Erdős, Łódź", "Erdos, ?ódz"],
    ["a script the font lacks", "漢字 ok", "?? ok"],
    ["a tab", "a\tb", "a b"],
  ])("draws only what the standard font has: %s", async (_name, input, expected) => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(drawable(font, input)).toBe(expected);
  });

  it("never fails on what someone typed: any text becomes a PDF", async () => {
    const { text } = await read(await letterPdf({ ...letter, applicant: "Zoë 🙂 ﬁn", body: "Line\u2028two\n\n\u0000" }, new Date()));
    expect(text).toContain("Zoë");
  });
});
