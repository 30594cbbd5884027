/**
 * What a file really is, from its first bytes, whatever its name says: the upload types Cradle
 * accepts (PDF, JPEG, PNG, Word 97-2003 and Word .docx). Undefined for anything else.
 */
export type AcceptedType = { mediaType: string; extension: string };

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

function contains(bytes: Uint8Array, text: string): boolean {
  const needle = new TextEncoder().encode(text);
  outer: for (let index = 0; index + needle.length <= bytes.length; index++) {
    for (let offset = 0; offset < needle.length; offset++) if (bytes[index + offset] !== needle[offset]) continue outer;
    return true;
  }
  return false;
}

export function sniffFileType(bytes: Uint8Array): AcceptedType | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mediaType: "application/pdf", extension: "pdf" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mediaType: "image/jpeg", extension: "jpg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mediaType: "image/png", extension: "png" };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { mediaType: "application/msword", extension: "doc" };
  // A .docx is a zip whose parts include word/document.xml; other zips (or .xlsx) are refused.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && contains(bytes, "word/document.xml")) {
    return { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" };
  }
  return undefined;
}
