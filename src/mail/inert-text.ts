/**
 * Text someone typed (a name, an entry's summary, a comment), made safe to put in a mail to someone
 * else: one line, and nothing a mail program would turn into a link. Mail programs link whatever
 * looks like an address ("http://…", "www.…", "evil.example/…", "a@b.example") in the text part and
 * often in the HTML part too, so escaping HTML is not enough: the look of an address is broken instead.
 */

/** Names in mails to people who never asked to hear from Cradle are cut to this many characters. */
export const mailNameLength = 60;

const schemeSeparator = /([a-z][a-z0-9+.-]*):\s*\/\//gi;
// A dot between a letter or digit and two letters ("evil.example", "www.x", "bit.ly"), or inside a
// dotted number ("10.0.0.1"); "Dr. Lee", "1.5 h" and "J.R.R." are left as they are.
const domainDot = /(?<=[\p{L}\p{N}_-])\.(?=\p{L}{2})/gu;
const numberDot = /(?<=\d)\.(?=\d+\.\d)|(?<=\d\.\d+)\.(?=\d)/g;
const controls = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu;

/** One line without the look of a link ("evil[.]example", "http[:]//"), cut to `maxLength` with an ellipsis. */
export function inertText(value: string, maxLength = Number.POSITIVE_INFINITY): string {
  const line = value
    // Full-width and other compatibility forms of "." and "/" become the plain ones first, so they are caught too.
    .normalize("NFKC")
    .replace(/[\u3002\uff61]/g, ".")
    .replace(controls, " ")
    .replace(/\s+/g, " ")
    .trim();
  const cut =
    [...line].length > maxLength
      ? `${[...line]
          .slice(0, maxLength - 1)
          .join("")
          .trimEnd()}…`
      : line;
  return cut.replace(schemeSeparator, "$1[:]//").replace(numberDot, "[.]").replace(domainDot, "[.]");
}

/** A person's name as it appears in a mail: one short line, no link. */
export const mailName = (name: string) => inertText(name, mailNameLength);
