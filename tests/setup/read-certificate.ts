import { inflateSync } from "node:zlib";
import jsQR from "jsqr";
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";

/** A PDF's text, its whitespace runs made single spaces. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

/** The first page's images as RGBA pixels: each image XObject's Flate data inflated (RGB or grey, 8 bits). */
export async function pdfImages(bytes: Uint8Array): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }[]> {
  const pdf = await PDFDocument.load(bytes);
  const xObjects = pdf.getPage(0).node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
  if (!xObjects) return [];
  return xObjects.keys().flatMap((name) => {
    const stream = xObjects.lookup(name);
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of("Subtype")) !== PDFName.of("Image")) return [];
    if (stream.dict.get(PDFName.of("Filter")) !== PDFName.of("FlateDecode")) return [];
    const width = stream.dict.lookup(PDFName.of("Width"), PDFNumber).asNumber();
    const height = stream.dict.lookup(PDFName.of("Height"), PDFNumber).asNumber();
    const pixels = inflateSync(stream.contents);
    const channels = pixels.length / (width * height);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let index = 0; index < width * height; index++) {
      const at = index * channels;
      rgba.set(channels === 1 ? [pixels[at]!, pixels[at]!, pixels[at]!, 255] : [pixels[at]!, pixels[at + 1]!, pixels[at + 2]!, 255], index * 4);
    }
    return [{ width, height, rgba }];
  });
}

/** What the QR codes among a PDF's images say. */
export async function pdfQrCodes(bytes: Uint8Array): Promise<string[]> {
  return (await pdfImages(bytes)).flatMap(({ width, height, rgba }) => {
    const code = jsQR(rgba, width, height);
    return code ? [code.data] : [];
  });
}
