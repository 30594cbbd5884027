/**
 * Counts the fields of a form body as its bytes pass, without keeping them: the `&`-separated
 * pairs of a url-encoded body, the parts of a multipart one (each `--boundary` but the closing
 * one; the last few bytes of a chunk are kept to find a boundary split between two chunks).
 * Undefined for a body that is not a form (React Router reads only these two as forms).
 */
export function formFieldCounter(contentType: string): ((chunk: Uint8Array) => number) | undefined {
  const type = contentType.toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded")) {
    let separators = 0;
    let sawByte = false;
    return (chunk) => {
      sawByte ||= chunk.length > 0;
      for (let at = chunk.indexOf(0x26); at !== -1; at = chunk.indexOf(0x26, at + 1)) separators++;
      return sawByte ? separators + 1 : 0;
    };
  }
  if (type.startsWith("multipart/form-data")) {
    const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    const value = boundary?.[1] ?? boundary?.[2];
    if (!value) return undefined;
    const delimiter = Buffer.from(`--${value}`);
    let delimiters = 0;
    let carry = Buffer.alloc(0);
    return (chunk) => {
      const window = Buffer.concat([carry, chunk]);
      for (let at = window.indexOf(delimiter); at !== -1; at = window.indexOf(delimiter, at + delimiter.length)) delimiters++;
      // A delimiter that ends in the carried bytes was counted already; only its tail can start one.
      carry = window.subarray(Math.max(0, window.length - (delimiter.length - 1)));
      return Math.max(0, delimiters - 1);
    };
  }
  return undefined;
}
