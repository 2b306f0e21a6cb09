import { afterEach, describe, expect, it } from "vitest";
import {
  FAKE_JUDGEME_API_TOKEN,
  FAKE_JUDGEME_SHOP_DOMAIN,
  startFakeJudgemeServer,
} from "../../fakes/judgeme";
import { FAKE_YOTPO_API_SECRET, FAKE_YOTPO_APP_KEY, startFakeYotpoServer } from "../../fakes/yotpo";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

describe("fake Judge.me server", () => {
  it("answers 429 with Retry-After to a client that does not pace itself", async () => {
    const nowMs = Date.parse("2026-11-28T12:00:00Z");
    const fake = await startFakeJudgemeServer({ now: () => new Date(nowMs) });
    closers.push(fake.close);
    const url = `${fake.apiBaseUrl}/reviews?shop_domain=${FAKE_JUDGEME_SHOP_DOMAIN}&api_token=${FAKE_JUDGEME_API_TOKEN}&per_page=5`;

    const first = await fetch(url);
    const second = await fetch(url);

    expect(first.status).toBe(200);
    const body = (await first.json()) as {
      current_page: number;
      per_page: number;
      reviews: { created_at: string }[];
    };
    expect(body).toMatchObject({ current_page: 1, per_page: 5 });
    expect(body.reviews).toHaveLength(5);
    const dates = body.reviews.map((review) => Date.parse(review.created_at));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBe("1");
    await second.body?.cancel();
    expect(fake.tooEarlyRequests()).toBe(1);
  });

  it("refuses another shop's domain", async () => {
    const fake = await startFakeJudgemeServer({ rateLimitMaxRequests: 0 });
    closers.push(fake.close);
    const response = await fetch(
      `${fake.apiBaseUrl}/reviews?shop_domain=other.myshopify.com&api_token=${FAKE_JUDGEME_API_TOKEN}`,
    );
    expect(response.status).toBe(401);
    await response.body?.cancel();
  });
});

describe("fake Yotpo server", () => {
  it("issues tokens for the right keys only and pages reviews by since_id", async () => {
    const fake = await startFakeYotpoServer();
    closers.push(fake.close);
    const token = async (secret: string) =>
      fetch(`${fake.url}/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          client_id: FAKE_YOTPO_APP_KEY,
          client_secret: secret,
          grant_type: "client_credentials",
        }),
      });

    const wrong = await token("not-the-secret");
    expect(wrong.status).toBe(401);
    await wrong.body?.cancel();
    const ok = (await (await token(FAKE_YOTPO_API_SECRET)).json()) as {
      access_token: string;
      token_type: string;
    };
    expect(ok.token_type).toBe("bearer");

    const all = fake.reviews();
    const sinceId = all[all.length - 3]!.id;
    const page = await fetch(
      `${fake.url}/v1/apps/${FAKE_YOTPO_APP_KEY}/reviews?utoken=${ok.access_token}&since_id=${sinceId}&count=10`,
    );
    const body = (await page.json()) as { reviews: { id: number }[] };
    expect(body.reviews.map((review) => review.id)).toEqual(
      all.filter((review) => review.id > sinceId && !review.deleted).map((review) => review.id),
    );

    fake.expireTokens();
    const expired = await fetch(
      `${fake.url}/v1/apps/${FAKE_YOTPO_APP_KEY}/reviews?utoken=${ok.access_token}`,
    );
    expect(expired.status).toBe(401);
    await expired.body?.cancel();
  });
});
