import { describe, expect, it } from "vitest";
import { analyze, score } from "~/domain/sentiment";

describe("score on real review sentences", () => {
  it("reads the seed's drivers with the right sign", () => {
    expect(score("innovative design")).toBeGreaterThan(0);
    expect(score("reasonable price")).toBeGreaterThan(0);
    expect(score("comfort concerns")).toBeLessThan(0);
    expect(score("few colour choices")).toBeLessThan(0);
  });

  it("reads the issue's example as mildly positive overall and negative on comfort", () => {
    const reading = analyze("not bad at all, but the nose pads pinch after an hour");
    expect(reading.label).toBe("positive");
    expect(reading.polarity).toBeLessThan(0.5);
    const comfort = reading.aspects.find((aspect) => aspect.aspect === "comfort");
    expect(comfort?.polarity).toBeLessThan(0);
    expect(comfort?.issueType).toBe("product-fix");
    expect(comfort?.evidence).toContain("nose pads pinch");
  });

  it("reads e-commerce idioms", () => {
    expect(score("These run small, order a size up")).toBeLessThan(0);
    expect(score("The strap fell apart in a week")).toBeLessThan(0);
    expect(score("It stopped working after two days and I returned it")).toBeLessThan(-0.5);
    expect(score("Worth every penny")).toBeGreaterThan(0.4);
    expect(score("Scratches easily")).toBeLessThan(0);
    expect(score("The clip falls off all the time")).toBeLessThan(0);
    expect(score("battery dies by lunch")).toBeLessThan(0);
    expect(score("5 stars, would buy again")).toBeGreaterThan(0.5);
    expect(score("I want a refund")).toBeLessThan(0);
  });

  it("negates within scope and stops at punctuation", () => {
    expect(score("This is good")).toBeGreaterThan(0);
    expect(score("This is not good")).toBeLessThan(0);
    expect(score("I don't love it")).toBeLessThan(0);
    expect(score("never disappointed")).toBeGreaterThan(0);
    expect(score("works without any problems")).toBeGreaterThan(0);
    // The comma closes the negation: "great" is not negated.
    expect(score("Not cheap, but great")).toBeGreaterThan(0);
  });

  it("weighs the clause after a contrast word more", () => {
    expect(score("The box was lovely but the lamp is awful")).toBeLessThan(0);
    expect(score("The box was dented but the lamp is wonderful")).toBeGreaterThan(0);
    expect(score("Although it is pricey, I love it")).toBeGreaterThan(0);
  });

  it("grades with boosters, dampeners, capitals and exclamation marks", () => {
    expect(score("very good")).toBeGreaterThan(score("good"));
    expect(score("slightly disappointing")).toBeGreaterThan(score("disappointing"));
    expect(score("kind of bad")).toBeGreaterThan(score("bad"));
    expect(score("This is GOOD, honestly")).toBeGreaterThan(score("This is good, honestly"));
    expect(score("Love it!!!")).toBeGreaterThan(score("Love it"));
    expect(score("too small")).toBeLessThan(0);
  });

  it("reads emoji and emoticons", () => {
    expect(score("Arrived today 😍")).toBeGreaterThan(0);
    expect(score("Arrived today 👎")).toBeLessThan(0);
    expect(score("ok I guess :(")).toBeLessThan(0);
    expect(score("new case :)")).toBeGreaterThan(0);
    expect(analyze("😍😍").scored).toBe(true);
  });

  it("does not read 'like' as praise when it compares", () => {
    expect(score("feels like plastic")).toBe(0);
    expect(score("I like it")).toBeGreaterThan(0);
  });

  it("labels with a configurable neutral band", () => {
    const mild = analyze("it is okay I guess, kind of nice");
    expect(analyze("it is okay I guess, kind of nice", { neutralBand: 0.99 }).label).toBe("neutral");
    expect(mild.polarity).toBeGreaterThan(0);
  });

  it("reports the lexicon version", () => {
    expect(analyze("good").lexiconVersion).toMatch(/^pulse-/);
  });
});
