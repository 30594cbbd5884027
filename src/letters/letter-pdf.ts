import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from "pdf-lib";

export type LetterForPdf = { association: string; date: string; applicant: string; subject: string; body: string; locale: string };

// A4, with margins of 2.5 cm; the text column fits US Letter too.
const page = { width: 595.28, height: 841.89 };
const margin = 72;
const size = 11;
const leading = 15;

/**
 * What a standard PDF font can draw (Windows-1252: the accents, ñ, ¿ and ¡ of Spanish are in it):
 * any other character becomes its letter without the accent where there is one ("ő" to "o"), else "?".
 * Nothing outside the font reaches pdf-lib, which would throw.
 */
export function drawable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  let result = "";
  for (const char of text.normalize("NFC").replace(/\t/g, " ")) {
    if (known.has(char.codePointAt(0)!)) {
      result += char;
      continue;
    }
    const plain = [...char.normalize("NFKD").replace(/\p{M}/gu, "")].filter((part) => known.has(part.codePointAt(0)!)).join("");
    result += plain === "" ? "?" : plain;
  }
  return result;
}

/** A paragraph's lines that fit `width` (a word longer than the line is cut). */
function wrap(font: PDFFont, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/)) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    line = word;
    while (font.widthOfTextAtSize(line, size) > width) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  lines.push(line);
  return lines;
}

/**
 * A letter as a PDF: the association's name, the date and the applicant's name at the top, the
 * subject, then the body as stored, paragraph by paragraph, wrapped within the margins over as many
 * pages as it takes.
 */
export async function letterPdf(letter: LetterForPdf, createdAt: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  pdf.setTitle(drawable(regular, letter.subject));
  pdf.setAuthor(drawable(regular, letter.association));
  pdf.setLanguage(letter.locale);
  pdf.setProducer("Cradle");
  pdf.setCreator("Cradle");
  pdf.setCreationDate(createdAt);
  pdf.setModificationDate(createdAt);
  const width = page.width - 2 * margin;
  let current: PDFPage = pdf.addPage([page.width, page.height]);
  let y = page.height - margin;
  const write = (text: string, font: PDFFont) => {
    for (const line of wrap(font, drawable(font, text), width)) {
      if (y < margin) {
        current = pdf.addPage([page.width, page.height]);
        y = page.height - margin;
      }
      current.drawText(line, { x: margin, y: y - size, size, font });
      y -= leading;
    }
  };
  const gap = () => (y -= leading);
  write(letter.association, bold);
  write(letter.date, regular);
  gap();
  write(letter.applicant, regular);
  gap();
  write(letter.subject, bold);
  gap();
  for (const paragraph of letter.body.split(/\n\s*\n/)) {
    if (paragraph.trim() === "") continue;
    for (const line of paragraph.trim().split("\n")) write(line, regular);
    gap();
  }
  return pdf.save();
}
