import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashAuthor } from "~/domain/listening/authorHash";
import { normalizeMention } from "~/domain/listening/normalizeMention";
import { htmlToText, postUrl, redactContactDetails } from "~/domain/listening/privacy";
import { textFingerprint } from "~/domain/listening/textFingerprint";

const NOW = new Date("2026-11-20T12:00:00Z");
const options = { now: NOW, authorSalt: "salt", publicInfluencerReach: 10_000 };

describe("htmlToText", () => {
  it("drops tags, scripts and styles, decodes entities and keeps line breaks of blocks", () => {
    expect(
      htmlToText("<p>Love it&nbsp;&amp; the <b>colour</b></p><script>alert(1)</script><p>Second</p>"),
    ).toBe("Love it & the colour\nSecond");
    expect(htmlToText("5 &lt; 6 &#x1F600; &#128512;")).toBe("5 < 6 😀 😀");
    expect(htmlToText("a\u0000b")).toBe("a b");
  });

  it("leaves plain text alone apart from spacing", () => {
    expect(htmlToText("  plain   text  ")).toBe("plain text");
  });
});

describe("redactContactDetails", () => {
  it.each([
    ["Mail me at mia.w+shop@example.co.uk please", "Mail me at [email removed] please"],
    ["mailto:mia@example.com", "[email removed]"],
    ["call +1 (555) 123-4567 now", "call [phone removed] now"],
    ["我的电话 13812345678", "我的电话 [phone removed]"],
    ["+44 20 7946 0958", "[phone removed]"],
  ])("removes %s", (input, expected) => {
    expect(redactContactDetails(input)).toBe(expected);
  });

  it.each([
    "Ordered on 2026-11-02 for $129.99",
    "Order #12345 arrived in 3 days",
    "@lampfan loved it",
    "size 10.5",
  ])("keeps %s", (input) => {
    expect(redactContactDetails(input)).toBe(input);
  });

  it("never leaves an e-mail address behind (property)", () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.string(), fc.string(), (email, before, after) => {
        const text = redactContactDetails(`${before} ${email} ${after}`);
        expect(text).not.toContain(email);
      }),
    );
  });
});

describe("postUrl", () => {
  it("keeps http(s) links and drops anything else", () => {
    expect(postUrl("https://youtube.com/watch?v=abc")).toBe("https://youtube.com/watch?v=abc");
    expect(postUrl("javascript:alert(1)")).toBeNull();
    expect(postUrl("https://user:pw@example.com/")).toBeNull();
    expect(postUrl("not a url")).toBeNull();
  });
});

describe("normalizeMention", () => {
  const base = {
    externalId: " 42 ",
    platform: "Reddit",
    authorHandle: "Lamp_Fan",
    text: "Nice lamp",
    postedAt: new Date("2026-11-19T00:00:00Z"),
  };

  it("hashes the author case-insensitively and shows a handle only for public accounts with reach", () => {
    const plain = normalizeMention(base, options);
    expect(plain.ok && plain.value).toMatchObject({
      externalId: "42",
      platform: "reddit",
      authorHash: hashAuthor("salt", "lamp_fan"),
      authorDisplay: null,
    });
    const influencer = normalizeMention({ ...base, authorIsPublic: true, authorFollowers: 10_000 }, options);
    expect(influencer.ok && influencer.value.authorDisplay).toBe("Lamp_Fan");
    const privateBig = normalizeMention({ ...base, authorIsPublic: false, authorFollowers: 1e6 }, options);
    expect(privateBig.ok && privateBig.value.authorDisplay).toBeNull();
  });

  it("gives anonymous mentions an author of their own", () => {
    const a = normalizeMention({ ...base, authorHandle: "" }, options);
    const b = normalizeMention({ ...base, externalId: "43", authorHandle: "" }, options);
    expect(a.ok && b.ok && a.value.authorHash !== b.value.authorHash).toBe(true);
  });

  it.each([
    [{ text: "<p></p>" }, /text is empty/],
    [{ text: "mia@example.com" }, null],
    [{ postedAt: new Date("2026-11-21T12:00:01Z") }, /more than a day in the future/],
    [{ postedAt: new Date("1990-01-01T00:00:00Z") }, /before 1995/],
    [{ postedAt: new Date(Number.NaN) }, /not a valid date/],
    [{ externalId: "  " }, /externalId is empty/],
    [{ platform: "" }, /platform is empty/],
    [{ rating: 0 }, /rating 0 is not between 1 and 5/],
  ])("validates %o", (override, reason) => {
    const result = normalizeMention({ ...base, ...override }, options);
    if (reason === null) expect(result.ok && result.value.text).toBe("[email removed]");
    else expect(!result.ok && result.reason).toMatch(reason);
  });

  it("accepts a date up to a day ahead (time zones) and cleans country and language", () => {
    const result = normalizeMention(
      {
        ...base,
        postedAt: new Date("2026-11-21T11:00:00Z"),
        countryCode: "de",
        language: "zh-Hans",
        rating: 4.6,
      },
      options,
    );
    expect(result.ok && result.value).toMatchObject({ countryCode: "DE", language: "zh", rating: 5 });
  });
});

describe("textFingerprint", () => {
  it("ignores case, punctuation, spacing and link targets", () => {
    const a = textFingerprint("The lamp is GREAT, bright and warm. https://x.co/a Buy it now!");
    expect(a).not.toBeNull();
    expect(textFingerprint("the lamp is great   bright and warm https://y.io/b buy it now")).toBe(a);
    expect(textFingerprint("the lamp is great bright and cold https://y.io/b buy it now")).not.toBe(a);
  });

  it("leaves short texts without a fingerprint", () => {
    expect(textFingerprint("Love it!")).toBeNull();
  });

  it("is invariant to extra whitespace (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 8, maxLength: 30 }), (words) => {
        expect(textFingerprint(words.join("  \n "))).toBe(textFingerprint(words.join(" ")));
      }),
    );
  });
});
