import { describe, expect, it } from "vitest";
import { analyze, defaultAspectTaxonomy, extendAspectTaxonomy } from "~/domain/sentiment";

describe("aspects", () => {
  it("splits a mixed review by aspect and routes each to its issue type", () => {
    const reading = analyze("Love the sleek design. Shipping was slow and customer service was rude.");
    const design = reading.aspects.find((aspect) => aspect.aspect === "design");
    const service = reading.aspects.find((aspect) => aspect.aspect === "shipping-service");
    expect(design?.polarity).toBeGreaterThan(0);
    expect(design?.issueType).toBe("marketing");
    expect(service?.polarity).toBeLessThan(0);
    expect(service?.issueType).toBe("support");
  });

  it("reads the seed drivers as aspects", () => {
    expect(analyze("reasonable price").aspects[0]).toMatchObject({
      aspect: "price-value",
      issueType: "pricing",
    });
    expect(analyze("few colour choices").aspects[0]).toMatchObject({ aspect: "colour-options" });
    expect(analyze("few colour choices").aspects[0]?.polarity).toBeLessThan(0);
  });

  it("takes a shop's own aspects", () => {
    const taxonomy = extendAspectTaxonomy(defaultAspectTaxonomy, [
      { id: "lens", issueType: "product-fix", synonyms: { en: ["lens", "glare"], zh: ["镜片"] } },
    ]);
    const reading = analyze("The lenses scratch easily", { aspectTaxonomy: taxonomy });
    expect(reading.aspects.find((aspect) => aspect.aspect === "lens")?.polarity).toBeLessThan(0);
    expect(analyze("镜片很清晰", { aspectTaxonomy: taxonomy }).aspects.map((a) => a.aspect)).toContain(
      "lens",
    );
  });
});

describe("feature requests", () => {
  it("notices an unmet need and extracts the thing", () => {
    const [request] = analyze("Great frames, wish it came in polarized").featureRequests;
    expect(request?.normalized).toBe("polarized");
  });

  it("clusters rewordings under one key", () => {
    const keys = [
      "I wish they had polarized lenses.",
      "Would love a polarised lens option!",
      "Is there a polarized lenses option?",
      "Please make polarised lenses",
    ].map((text) => analyze(text).featureRequests[0]?.clusterKey);
    expect(new Set(keys)).toEqual(new Set(["lens polarized"]));
  });

  it("reads 'do you have … in' and 'need a … version'", () => {
    expect(analyze("Do you have these in navy?").featureRequests[0]?.normalized).toBe("navy");
    expect(analyze("I really need a wide fit version").featureRequests[0]?.clusterKey).toBe("fit wide");
  });

  it("reads Chinese requests", () => {
    expect(analyze("希望能出偏光款").featureRequests[0]?.clusterKey).toBe("偏光");
    expect(analyze("要是有黑色就好了").featureRequests[0]?.normalized).toBe("黑色");
    expect(analyze("能不能出大码的").featureRequests[0]?.clusterKey).toBe("大码");
  });

  it("finds none in plain praise", () => {
    expect(analyze("Love the black one, fits great").featureRequests).toEqual([]);
  });
});
