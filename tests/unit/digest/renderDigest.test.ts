import { describe, expect, it } from "vitest";
import { translate } from "~/i18n";
import { renderDigest, selectDigestContent, type DigestInput } from "~/domain/digest";
import { driver, product, quietInput, signalWeek } from "./fixtures";

const busyWeek = (overrides: Partial<DigestInput> = {}): DigestInput =>
  quietInput({
    products: [
      product(
        "prod_1",
        "Trail Runner",
        signalWeek(30, -0.1, { drivers: [driver("comfort", "negative", 27, 20)] }),
        signalWeek(25, 0.2),
      ),
    ],
    alerts: [
      {
        kind: "inventory_review",
        severity: "high",
        message: "Review the line",
        productTitle: "Trail Runner",
      },
    ],
    pendingCount: 2,
    pending: [
      {
        id: "r1",
        kind: "restock",
        productTitle: "Trail Runner",
        variantTitle: "42",
        locationName: "Berlin",
        currentUnits: 12,
        proposedUnits: 30,
        deltaUnits: 18,
        reason: "Order when stock plus incoming falls to the reorder point",
      },
    ],
    problems: [{ kind: "source_needs_attention", sourceName: "Judge.me", reason: "Token expired" }],
    ...overrides,
  });

const render = (input: DigestInput) =>
  renderDigest(selectDigestContent(input), {
    shopName: input.shopName,
    locale: input.locale,
    appBaseUrl: input.appBaseUrl,
  });

describe("renderDigest", () => {
  it("renders an English digest with numbers, reasons and links into the app", () => {
    const digest = render(busyWeek());
    expect(digest.subject).toBe("Pulse weekly digest, 2026-W47: 2 waiting for approval");
    expect(digest.text).toContain("Trail Runner: sentiment -0.10 (-0.30 vs last week), 30 mentions (+20%)");
    expect(digest.text).toContain("Comfort concerns +35% this week (mentions: 27, last week 20)");
    expect(digest.text).toContain("High · Trail Runner: Review the line");
    expect(digest.text).toContain("Waiting for your approval (2)");
    expect(digest.text).toContain("Restock · Trail Runner / 42 @ Berlin: 12 → 30 units (+18)");
    expect(digest.text).toContain("Order when stock plus incoming falls to the reorder point");
    expect(digest.text).toContain("…and 1 more.");
    expect(digest.text).toContain("The source “Judge.me” needs attention: Token expired");
    expect(digest.text).toContain("https://admin.shopify.com/store/acme/apps/key/app/recommendations");
    expect(digest.html).toContain('href="https://admin.shopify.com/store/acme/apps/key/app/signals/prod_1"');
    expect(digest.html).toContain('href="https://admin.shopify.com/store/acme/apps/key/app/digest"');
    // Inline styles only: no stylesheet, script or remote asset.
    expect(digest.html).not.toMatch(/<link|<script|<style|src=/i);
  });

  it("renders the same digest in Simplified Chinese", () => {
    const digest = render(busyWeek({ locale: "zh-CN" }));
    expect(digest.subject).toBe("Pulse 每周摘要，2026-W47：2 项待审批");
    expect(digest.text).toContain("等待你审批（2）");
    expect(digest.text).toContain(
      `${translate("zh-CN", "kind.restock")} · Trail Runner / 42 @ Berlin：12 → 30 件（+18）`,
    );
    expect(digest.text).toContain("相关负面反馈本周 +35%");
    expect(digest.html).toContain('<html lang="zh-CN">');
    expect(digest.text).not.toContain("Waiting for your approval");
  });

  it("escapes every merchant-provided string in the HTML", () => {
    const evil = "<script>alert(1)</script>";
    const digest = render(
      busyWeek({
        shopName: `Shop "${evil}"`,
        products: [product("p<1>", evil, signalWeek(30, -0.1), signalWeek(25, 0.2))],
        pending: [
          {
            id: "r1",
            kind: "restock",
            productTitle: evil,
            variantTitle: null,
            locationName: `<img src=x onerror=alert(2)>`,
            currentUnits: 1,
            proposedUnits: 2,
            deltaUnits: 1,
            reason: evil,
          },
        ],
        problems: [{ kind: "source_needs_attention", sourceName: evil, reason: evil }],
      }),
    );
    expect(digest.html).not.toContain("<script>");
    expect(digest.html).not.toContain("<img");
    expect(digest.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(digest.html).toContain("signals/p%3C1%3E");
    // The plain-text part carries the title as written.
    expect(digest.text).toContain(evil);
  });

  it("sends a short all-quiet digest that says what was checked", () => {
    const input = quietInput({
      products: [product("p1", "Steady", signalWeek(10, 0.3), signalWeek(10, 0.29))],
    });
    const en = render(input);
    expect(en.subject).toBe("Pulse weekly digest, 2026-W47: all quiet");
    expect(en.text).toContain("All quiet this week");
    expect(en.text).toContain("products with mentions: 1; listening sources: 3");
    expect(en.text).toContain("Nothing waits for your approval.");
    expect(en.text).not.toContain("What moved\n");
    const zh = render({ ...input, locale: "zh-CN" });
    expect(zh.subject).toBe("Pulse 每周摘要，2026-W47：一切平稳");
    expect(zh.html).toContain("本周一切平稳");
  });
});
