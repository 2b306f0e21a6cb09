import { afterEach, describe, expect, it, vi } from "vitest";
import { redditConnector, redditLinkToMention, type RedditLink } from "~/integrations/sources/reddit.server";
import {
  decodeYoutubeEntities,
  youtubeCommentToMention,
  youtubeConnector,
  youtubeVideoToMention,
  type YoutubeComment,
} from "~/integrations/sources/youtube.server";

const link = (overrides: Partial<RedditLink> = {}): RedditLink => ({
  id: "a1",
  name: "t3_a1",
  author: "sam_reviews",
  title: "Aurora lamp after a month",
  selftext: "Bright & warm.",
  created_utc: 1_764_331_200.5,
  permalink: "/r/BuyItForLife/comments/a1/aurora_lamp_after_a_month/",
  subreddit: "BuyItForLife",
  ...overrides,
});

// The production rule reads NODE_ENV through env(); the test switches it without a full production config.
const runtime = vi.hoisted(() => ({ nodeEnv: "test" as "test" | "production" }));
vi.mock("~/config/env.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/config/env.server")>();
  return { ...actual, env: () => ({ ...actual.env(), nodeEnv: runtime.nodeEnv }) };
});

describe("Reddit mapping", () => {
  it("keeps title and body as text, the fullname as id and the permalink as URL", () => {
    expect(redditLinkToMention(link())).toEqual({
      externalId: "t3_a1",
      platform: "reddit",
      authorHandle: "sam_reviews",
      authorIsPublic: true,
      title: "Aurora lamp after a month",
      text: "Aurora lamp after a month\n\nBright & warm.",
      url: "https://www.reddit.com/r/BuyItForLife/comments/a1/aurora_lamp_after_a_month/",
      postedAt: new Date(1_764_331_200_500),
    });
  });

  it("drops removed bodies and does not treat deleted authors as public", () => {
    const mention = redditLinkToMention(link({ selftext: "[removed]", author: "[deleted]" }));
    expect(mention.text).toBe("Aurora lamp after a month");
    expect(mention.authorIsPublic).toBe(false);
  });

  it("config accepts subreddits typed as text and rejects impossible names", () => {
    expect(
      redditConnector.configSchema.parse({ subreddits: "r/BuyItForLife, malefashionadvice  /r/Lamps" }),
    ).toMatchObject({
      subreddits: ["BuyItForLife", "malefashionadvice", "Lamps"],
      requestsPerMinute: 100,
      apiBaseUrl: "https://oauth.reddit.com",
      authBaseUrl: "https://www.reddit.com",
    });
    expect(redditConnector.configSchema.safeParse({ subreddits: ["no spaces allowed"] }).success).toBe(false);
  });
});

describe("provider base URLs", () => {
  afterEach(() => {
    runtime.nodeEnv = "test";
  });

  it("only the providers' own https hosts are accepted in production, so a saved config cannot redirect credentials", () => {
    runtime.nodeEnv = "production";
    expect(redditConnector.configSchema.safeParse({ apiBaseUrl: "http://127.0.0.1:9999" }).success).toBe(
      false,
    );
    expect(
      youtubeConnector.configSchema.safeParse({ apiBaseUrl: "https://169.254.169.254/youtube/v3" }).success,
    ).toBe(false);
    expect(
      youtubeConnector.configSchema.parse({ apiBaseUrl: "https://www.googleapis.com/youtube/v3/" }),
    ).toMatchObject({
      apiBaseUrl: "https://www.googleapis.com/youtube/v3",
    });
  });
});

const comment = (snippet: Partial<YoutubeComment["snippet"]> = {}): YoutubeComment => ({
  kind: "youtube#comment",
  id: "UgxAbc",
  snippet: {
    textDisplay: "Looks great",
    textOriginal: "Looks great!",
    authorDisplayName: "@lampfan",
    authorChannelId: { value: "UClampfan" },
    likeCount: 3,
    publishedAt: "2026-11-27T10:00:00Z",
    ...snippet,
  },
});

describe("YouTube mapping", () => {
  it("config takes form values as text and defaults to Google's 10,000 units", () => {
    expect(
      youtubeConnector.configSchema.parse({
        includeVideos: "off",
        dailyQuotaUnits: "50000",
        regionCode: "gb",
      }),
    ).toMatchObject({
      includeVideos: false,
      dailyQuotaUnits: 50_000,
      regionCode: "GB",
      searchEveryMinutes: 360,
      apiBaseUrl: "https://www.googleapis.com/youtube/v3",
    });
    expect(youtubeConnector.configSchema.parse({})).toMatchObject({
      includeVideos: true,
      dailyQuotaUnits: 10_000,
    });
  });

  it("decodes the HTML entities search.list puts in titles and descriptions", () => {
    expect(decodeYoutubeEntities("Tom &amp; Jerry&#39;s &quot;lamp&quot; &lt;3 &#x1F600;")).toBe(
      `Tom & Jerry's "lamp" <3 😀`,
    );
  });

  it("maps a video with its channel as the public author", () => {
    const mention = youtubeVideoToMention({
      kind: "youtube#searchResult",
      id: { kind: "youtube#video", videoId: "v1" },
      snippet: {
        publishedAt: "2026-11-27T09:00:00Z",
        channelId: "UCmaker",
        title: "Aurora &amp; me",
        description: "",
      },
    });
    expect(mention).toMatchObject({
      externalId: "video:v1",
      authorHandle: "UCmaker",
      authorIsPublic: true,
      text: "Aurora & me",
      title: "Aurora & me",
      url: "https://www.youtube.com/watch?v=v1",
    });
  });

  it("maps a comment to the commenter's channel, preferring the original text", () => {
    expect(youtubeCommentToMention(comment(), "v1")).toEqual({
      externalId: "comment:UgxAbc",
      platform: "youtube",
      authorHandle: "UClampfan",
      authorIsPublic: true,
      text: "Looks great!",
      url: "https://www.youtube.com/watch?v=v1&lc=UgxAbc",
      postedAt: new Date("2026-11-27T10:00:00Z"),
    });
    const bare = youtubeCommentToMention(
      comment({ textOriginal: undefined, authorChannelId: undefined }),
      "v1",
    );
    expect(bare).toMatchObject({ authorHandle: "@lampfan", text: "Looks great" });
  });
});
