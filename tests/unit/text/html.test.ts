import { describe, expect, it } from "vitest";

import { COMMON_NAMED_ENTITIES, decodeHtmlEntities } from "~/domain/text/html";

describe("decodeHtmlEntities", () => {
  it("decodes named, decimal and hex references", () => {
    expect(decodeHtmlEntities("5 &lt; 6 &AMP; &#x1F600; &#X41; &#128512; &hellip;")).toBe(
      "5 < 6 & 😀 A 😀 …",
    );
  });

  it("leaves unknown names and text without references alone", () => {
    expect(decodeHtmlEntities("&mdash; &bogus; a & b")).toBe("&mdash; &bogus; a & b");
    expect(decodeHtmlEntities("&mdash;", { named: { ...COMMON_NAMED_ENTITIES, mdash: "—" } })).toBe("—");
  });

  it("turns references to no valid character into a space, or keeps them when asked", () => {
    expect(decodeHtmlEntities("a&#0;b&#xD800;c&#1114112;d")).toBe("a b c d");
    expect(decodeHtmlEntities("a&#0;b&#xD800;c", { invalid: "keep" })).toBe("a&#0;b&#xD800;c");
  });
});
