import { degrees, PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import QRCode from "qrcode";
import type { CredentialStatus, LogoMediaType } from "../data/schema.ts";
import { formatLongDate } from "../i18n/format.ts";
import type { Locale } from "../i18n/locale.ts";
import { translator } from "../i18n/translate.ts";
import { drawable } from "../letters/letter-pdf.ts";

/** The statuses a certificate is stamped with: it no longer proves a valid credential. */
export type StampedStatus = Extract<CredentialStatus, "lapsed" | "suspended" | "revoked" | "removed">;
export const stampedStatuses: readonly StampedStatus[] = ["lapsed", "suspended", "revoked", "removed"];

export type CertificateForPdf = {
  locale: Locale;
  holder: string;
  category: string;
  association: string;
  number: string;
  /** YYYY-MM-DD, written out in the certificate's language. */
  issuedOn: string;
  renewalDue: string;
  /** The verification page, which the QR code encodes. */
  verifyUrl: string;
  logo: { mediaType: LogoMediaType; bytes: Uint8Array } | null;
  /** The status that makes the certificate void, and the day it took effect. */
  stamp: { status: StampedStatus; since: string } | null;
};

// A4 landscape.
const page = { width: 841.89, height: 595.28 };
const margin = 48;
const ink = rgb(0.1, 0.1, 0.1);
const muted = rgb(0.35, 0.35, 0.35);
const stampRed = rgb(0.75, 0.05, 0.05);

function centred(target: PDFPage, text: string, y: number, font: PDFFont, size: number, color = ink) {
  const line = drawable(font, text);
  // A name too long for the line is drawn smaller rather than past the margins.
  const fitted = Math.min(size, (size * (page.width - 2 * margin)) / Math.max(font.widthOfTextAtSize(line, size), 1));
  target.drawText(line, { x: (page.width - font.widthOfTextAtSize(line, fitted)) / 2, y, size: fitted, font, color });
}

async function embedLogo(pdf: PDFDocument, logo: NonNullable<CertificateForPdf["logo"]>): Promise<PDFImage> {
  return logo.mediaType === "image/png" ? pdf.embedPng(logo.bytes) : pdf.embedJpg(logo.bytes);
}

/** Whether a logo's bytes decode as the image they claim to be: one that does not would fail every certificate. */
export async function isDrawableLogo(logo: NonNullable<CertificateForPdf["logo"]>): Promise<boolean> {
  try {
    await embedLogo(await PDFDocument.create(), logo);
    return true;
  } catch {
    return false;
  }
}

/**
 * A credential's certificate as a one-page PDF in its language: the association (and its logo), the
 * holder, the category, the number and dates, and a QR code of the verification page, embedded as a
 * PNG image so a phone can read it. A credential no longer valid carries a large stamp across the
 * page naming its status and since when, so a printed copy cannot pass for a valid one.
 */
export async function certificatePdf(certificate: CertificateForPdf, createdAt: Date): Promise<Uint8Array> {
  const t = translator(certificate.locale);
  const date = (day: string) => formatLongDate(certificate.locale, day);
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const title = t("certificate.title");
  pdf.setTitle(drawable(regular, `${title}: ${certificate.holder}, ${certificate.number}`));
  pdf.setAuthor(drawable(regular, certificate.association));
  pdf.setLanguage(certificate.locale);
  pdf.setProducer("Cradle");
  pdf.setCreator("Cradle");
  pdf.setCreationDate(createdAt);
  pdf.setModificationDate(createdAt);
  const current = pdf.addPage([page.width, page.height]);

  let top = page.height - margin;
  if (certificate.logo) {
    const logo = await embedLogo(pdf, certificate.logo);
    const scaled = logo.scaleToFit(220, 72);
    current.drawImage(logo, { x: (page.width - scaled.width) / 2, y: top - scaled.height, width: scaled.width, height: scaled.height });
    top -= scaled.height + 20;
  }
  centred(current, certificate.association, top - 18, bold, 18);
  centred(current, title, top - 70, bold, 32);
  centred(current, t("certificate.certifies"), top - 110, regular, 14, muted);
  centred(current, certificate.holder, top - 150, bold, 28);
  centred(current, t("certificate.holds"), top - 180, regular, 14, muted);
  centred(current, certificate.category, top - 212, bold, 20);

  const qrSize = 120;
  const qr = await pdf.embedPng(await QRCode.toBuffer(certificate.verifyUrl, { type: "png", errorCorrectionLevel: "M", margin: 4, scale: 6 }));
  current.drawImage(qr, { x: page.width - margin - qrSize, y: margin, width: qrSize, height: qrSize });
  const details = [
    t("certificate.number", { number: certificate.number }),
    t("certificate.issued", { date: date(certificate.issuedOn) }),
    t("certificate.renewalDue", { date: date(certificate.renewalDue) }),
    t("certificate.verify", { url: certificate.verifyUrl }),
  ];
  details.forEach((line, index) => {
    current.drawText(drawable(regular, line), {
      x: margin,
      y: margin + 18 * (details.length - 1 - index),
      size: 11,
      font: index === 0 ? bold : regular,
      color: ink,
    });
  });

  if (certificate.stamp) {
    const word = drawable(bold, t(`certificate.stamp.${certificate.stamp.status}`));
    const since = drawable(bold, t("certificate.stampSince", { date: date(certificate.stamp.since) }));
    const size = Math.min(96, (page.width * 0.75) / Math.max(bold.widthOfTextAtSize(word, 1), 1));
    const angle = 20;
    const radians = (angle * Math.PI) / 180;
    const along = (text: string, textSize: number, offset: number) => {
      // Centre the rotated line on the page's centre, `offset` below it across the line.
      const half = bold.widthOfTextAtSize(text, textSize) / 2;
      const x = page.width / 2 - half * Math.cos(radians) + offset * Math.sin(radians);
      const y = page.height / 2 - half * Math.sin(radians) - offset * Math.cos(radians);
      current.drawText(text, { x, y, size: textSize, font: bold, color: stampRed, opacity: 0.8, rotate: degrees(angle) });
    };
    along(word, size, 0);
    along(since, 24, 40);
  }
  return pdf.save();
}
