import { describe, expect, it } from "vitest";
import { analyze, score } from "~/domain/sentiment";

describe("Chinese reviews", () => {
  it("detects Simplified Chinese and scores it", () => {
    const reading = analyze("质量很好，物流也快");
    expect(reading.language).toBe("zh");
    expect(reading.scored).toBe(true);
    expect(reading.polarity).toBeGreaterThan(0);
  });

  it("reads e-commerce phrases", () => {
    expect(score("性价比高")).toBeGreaterThan(0);
    expect(score("做工差")).toBeLessThan(0);
    expect(score("物流快")).toBeGreaterThan(0);
    expect(score("洗了一次就掉色")).toBeLessThan(0);
    expect(score("已经申请退货了")).toBeLessThan(0);
  });

  it("negates", () => {
    expect(score("好用")).toBeGreaterThan(0);
    expect(score("不好用")).toBeLessThan(0);
    expect(score("没有想象中的那么好")).toBeLessThan(0);
    expect(score("不推荐购买")).toBeLessThan(0);
    expect(score("没问题")).toBeGreaterThan(0);
  });

  it("grades with degree words", () => {
    expect(score("非常满意")).toBeGreaterThan(score("满意"));
    expect(score("有点贵")).toBeGreaterThan(score("很贵"));
    expect(score("太小了")).toBeLessThan(0);
  });

  it("weighs the clause after a contrast word more", () => {
    expect(score("虽然价格有点贵，但是质量很好")).toBeGreaterThan(0);
    expect(score("包装不错，可是用了两天就坏了")).toBeLessThan(0);
  });

  it("gives each aspect the polarity of its clause", () => {
    const reading = analyze("外观很漂亮，但是电池续航太短");
    const design = reading.aspects.find((aspect) => aspect.aspect === "design");
    const battery = reading.aspects.find((aspect) => aspect.aspect === "battery");
    expect(design?.polarity).toBeGreaterThan(0);
    expect(design?.issueType).toBe("marketing");
    expect(battery?.polarity).toBeLessThan(0);
  });

  it("does not score Traditional Chinese with the Simplified lexicon", () => {
    const reading = analyze("這個產品質量很好，價格也便宜");
    expect(reading.scored).toBe(false);
    expect(reading.unscorableReason).toBe("unsupported-language");
  });
});
