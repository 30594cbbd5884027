import { describe, expect, it } from "vitest";
import { mailboxKey } from "../../src/commands/shared/mail-to-strangers.ts";
import { inertText, mailName } from "../../src/mail/inert-text.ts";

/** What mail programs turn into links: a scheme, "www.", a host name with a top-level domain, a dotted address. */
const looksLikeALink = /[a-z][a-z0-9+.-]*:\/\/|www\.|[\p{L}\p{N}-]\.\p{L}{2,}|\d+\.\d+\.\d+\.\d+/iu;

describe("text people typed, put in a mail to someone else", () => {
  it.each([
    ["click http://evil.example/win", "click http[:]//evil[.]example/win"],
    ["HTTPS://EVIL.EXAMPLE", "HTTPS[:]//EVIL[.]EXAMPLE"],
    ["visit www.evil.example today", "visit www[.]evil[.]example today"],
    ["bit.ly/abc", "bit[.]ly/abc"],
    ["mail admin@evil.example", "mail admin@evil[.]example"],
    ["go to 10.0.0.1/login", "go to 10[.]0[.]0[.]1/login"],
    ["full-width evil．example", "full-width evil[.]example"],
    ["ideographic evil。example", "ideographic evil[.]example"],
    ["javascript://x.example%0aalert(1)", "javascript[:]//x[.]example%0aalert(1)"],
  ])("breaks the look of a link: %s", (typed, shown) => {
    expect(inertText(typed)).toBe(shown);
    expect(inertText(typed)).not.toMatch(looksLikeALink);
  });

  it.each(["Dr. Lee", "I received it · 2025-04-01 · 1.5 h · Individual", "J.R.R. Tolkien", "Rosa Díaz", "Ph.D."])("leaves ordinary text alone: %s", (typed) => {
    expect(inertText(typed)).toBe(typed);
  });

  it("makes one line of it: no newlines, tabs, control or invisible characters", () => {
    expect(inertText("Ana\r\n\nBcc: x\u2028y\u0000z\u200b\u202e!")).toBe("Ana Bcc: x y z !");
  });

  it("cuts a name to 60 characters with an ellipsis, counting characters rather than UTF-16 units", () => {
    const long = "Ñ".repeat(50) + " 😀😀😀😀😀😀😀😀😀😀😀😀";
    expect([...mailName(long)]).toHaveLength(60);
    expect(mailName(long).endsWith("…")).toBe(true);
    expect(mailName("Rosa Díaz")).toBe("Rosa Díaz");
  });
});

describe("one mailbox however its address is written", () => {
  it.each([
    ["Me+rater@Example.org", "me@example.org"],
    ["first.last+x@googlemail.com", "firstlast@gmail.com"],
    ["first.last@example.org", "first.last@example.org"],
  ])("%s is %s", (written, mailbox) => {
    expect(mailboxKey(written)).toBe(mailbox);
  });
});
