import type { Scenario } from "~/demo/scenario";
import {
  demoListeningAnchor,
  demoListeningClockStart,
  demoListeningContent,
  demoTrickleItems,
  type DemoRedditPost,
  type DemoReview,
  type DemoYoutubeComment,
} from "~/demo/listening-content";
import type { DemoListeningConnection } from "~/demo/listening-sources.server";
import {
  FAKE_JUDGEME_API_TOKEN,
  judgemeReviewFromFact,
  startFakeJudgemeServer,
  type FakeJudgemeReview,
} from "../../tests/fakes/judgeme";
import { FAKE_REDDIT_APP, startFakeRedditServer, type FakeRedditPost } from "../../tests/fakes/reddit";
import {
  FAKE_YOTPO_API_SECRET,
  FAKE_YOTPO_APP_KEY,
  startFakeYotpoServer,
  yotpoReviewFromFact,
  type FakeYotpoReview,
} from "../../tests/fakes/yotpo";
import {
  FAKE_YOUTUBE_API_KEY,
  startFakeYoutubeServer,
  type FakeYoutubeComment,
} from "../../tests/fakes/youtube";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/**
 * The demo's YouTube project has a raised daily quota: the demo shop has about ninety keywords and
 * each search costs 100 units, so Google's default 10,000 would not cover one search round plus the
 * comment reads. The fake and the source's config say the same number.
 */
const DEMO_YOUTUBE_DAILY_UNITS = 50_000;

export interface ListeningFakesOptions {
  /** One new review, post and comment per fake every this many ms (default one minute; 0 = none). */
  trickleEveryMs?: number;
  /** The real clock (tests pass a virtual one). */
  now?: () => Date;
  /**
   * Where the fakes' own clock starts (see demoListeningClockStart; default: a day before the
   * scenario's today). It then runs at the real clock's pace; new items are dated by it.
   */
  clockStart?: Date;
}

export interface RunningListeningFakes {
  /** Base URLs and credentials for the demo's sources (see connectDemoListening). */
  connection: DemoListeningConnection;
  urls: Record<keyof DemoListeningConnection, string>;
  /** Days a new source backfills so the seeded items are reached from the real clock. */
  backfillDays: number;
  /** New items written since the fakes started, per fake. */
  trickled(): number;
  /** Writes the next new review (Judge.me, Yotpo), post and comment now (what the timer does). */
  writeNewItems(): void;
  close(): Promise<void>;
}

function reviewFact(review: DemoReview) {
  return {
    index: review.index,
    createdAt: review.postedAt,
    rating: review.rating,
    title: review.title,
    body: review.body,
    reviewerName: review.reviewerName,
    reviewerEmail: review.reviewerEmail,
    verifiedBuyer: review.verifiedBuyer,
    countryCode: review.countryCode,
    product: review.product,
  };
}

const redditPost = (post: DemoRedditPost): FakeRedditPost => ({
  id: post.id,
  author: post.author,
  title: post.title,
  selftext: post.selftext,
  created_utc: post.postedAt.getTime() / 1000,
  subreddit: post.subreddit,
  score: 1 + (post.id.length % 7),
});

const youtubeComment = (comment: DemoYoutubeComment): FakeYoutubeComment => ({
  id: comment.id,
  videoId: comment.videoId,
  authorDisplayName: comment.author,
  authorChannelId: comment.authorChannelId,
  textOriginal: comment.text,
  publishedAt: comment.publishedAt.toISOString(),
  likeCount: comment.likeCount,
});

/**
 * Starts the Judge.me, Yotpo, Reddit and YouTube fakes on free local ports, seeded with the demo's
 * listening content, and writes new items into them every `trickleEveryMs` so "Sync now" finds
 * something. A restart serves the same seeded items (same ids and dates on the same day) and new
 * items whose ids no earlier run used.
 */
export async function startListeningFakes(
  scenario: Scenario,
  options: ListeningFakesOptions = {},
): Promise<RunningListeningFakes> {
  const realNow = options.now ?? (() => new Date());
  const startedAt = realNow();
  const clockStart = options.clockStart ?? demoListeningClockStart(scenario, null);
  // The simulated store's world runs behind the real clock; the fakes date everything in it.
  const now = () => new Date(clockStart.getTime() + (realNow().getTime() - startedAt.getTime()));
  // Seeded items keep their dates across restarts: anchored to the scenario, not to this run.
  const anchor = demoListeningAnchor(demoListeningClockStart(scenario, null));
  const content = demoListeningContent(scenario, anchor);
  // Ids of new items: from the real clock, which (unlike the fakes' clock) never repeats a minute.
  const startMinute = Math.floor(startedAt.getTime() / MINUTE_MS);
  const runId = startMinute.toString(36);
  const longAgo = new Date(anchor.getTime() - 400 * DAY_MS);
  // The connectors judge backfill and comment windows by the real clock: widen them by the lag.
  const lagDays = Math.max(0, Math.ceil((startedAt.getTime() - anchor.getTime()) / DAY_MS));

  // The review fakes number new reviews after the highest id they hold. A hidden review with an id
  // that grows with the start minute (a spam review in Judge.me, a deleted one in Yotpo, never
  // imported) keeps new reviews of this run clear of every id an earlier run handed out: at most
  // one new review a minute, and the id steps by 2 × the fake's increment per minute.
  const judgemeReviews: FakeJudgemeReview[] = content.judgeme.map((review) => ({
    ...judgemeReviewFromFact(reviewFact(review), 310_000_000 + review.index * 7),
    curated: "ok",
  }));
  judgemeReviews.push({
    ...judgemeReviewFromFact(
      {
        ...reviewFact(content.judgeme[0]!),
        createdAt: longAgo,
        rating: 5,
        title: "Best store ever",
        body: "Cheap sunglasses at www.example-replica.test",
        product: null,
      },
      1_000_000_000 + startMinute * 14,
    ),
    curated: "spam",
  });
  const yotpoReviews: FakeYotpoReview[] = content.yotpo.map((review) => ({
    ...yotpoReviewFromFact(reviewFact(review), 520_000_000 + review.index * 3),
    deleted: false,
  }));
  yotpoReviews.push({
    ...yotpoReviewFromFact(
      { ...reviewFact(content.yotpo[0]!), createdAt: longAgo },
      1_000_000_000 + startMinute * 6,
    ),
    deleted: true,
  });

  const started: { close(): Promise<void> }[] = [];
  try {
    const judgeme = await startFakeJudgemeServer({
      port: 0,
      now,
      shopDomain: scenario.shop.domain,
      reviews: judgemeReviews,
    });
    started.push(judgeme);
    const yotpo = await startFakeYotpoServer({ port: 0, now, reviews: yotpoReviews });
    started.push(yotpo);
    const reddit = await startFakeRedditServer({
      port: 0,
      now: () => now().getTime(),
      posts: content.reddit.map(redditPost),
    });
    started.push(reddit);
    const youtube = await startFakeYoutubeServer({
      port: 0,
      now: () => now().getTime(),
      dailyUnits: DEMO_YOUTUBE_DAILY_UNITS,
      videos: content.youtube.videos.map((video) => ({
        videoId: video.videoId,
        channelId: video.channelId,
        channelTitle: video.channelTitle,
        title: video.title,
        description: video.description,
        publishedAt: video.publishedAt.toISOString(),
      })),
      comments: content.youtube.comments.map(youtubeComment),
    });
    started.push(youtube);

    let tick = 0;
    const trickle = () => {
      const items = demoTrickleItems(scenario, startMinute + tick, now(), runId);
      tick++;
      const { id: _judgemeId, ...judgemeReview } = judgemeReviewFromFact(reviewFact(items.judgeme), 0);
      judgeme.addReview({ ...judgemeReview, curated: "ok" });
      const { id: _yotpoId, ...yotpoReview } = yotpoReviewFromFact(reviewFact(items.yotpo), 0);
      yotpo.addReview({ ...yotpoReview, deleted: false });
      reddit.addPosts(redditPost(items.reddit));
      youtube.addComments(youtubeComment(items.youtubeComment));
    };
    const everyMs = options.trickleEveryMs ?? MINUTE_MS;
    const timer = everyMs > 0 ? setInterval(trickle, everyMs) : null;
    timer?.unref();

    return {
      connection: {
        judgeme: {
          config: { apiBaseUrl: judgeme.apiBaseUrl },
          credentials: { apiToken: FAKE_JUDGEME_API_TOKEN },
        },
        yotpo: {
          config: { apiBaseUrl: yotpo.apiBaseUrl },
          credentials: { appKey: FAKE_YOTPO_APP_KEY, apiSecret: FAKE_YOTPO_API_SECRET },
        },
        reddit: {
          config: { authBaseUrl: reddit.url, apiBaseUrl: reddit.url, redditUsername: "pulse_demo" },
          credentials: { clientId: FAKE_REDDIT_APP.clientId, clientSecret: FAKE_REDDIT_APP.clientSecret },
        },
        youtube: {
          config: {
            apiBaseUrl: youtube.apiBaseUrl,
            dailyQuotaUnits: DEMO_YOUTUBE_DAILY_UNITS,
            commentWindowDays: Math.min(365, 30 + lagDays),
          },
          credentials: { apiKey: FAKE_YOUTUBE_API_KEY },
        },
      },
      urls: { judgeme: judgeme.url, yotpo: yotpo.url, reddit: reddit.url, youtube: youtube.url },
      backfillDays: Math.min(3650, 90 + lagDays),
      trickled: () => tick,
      writeNewItems: trickle,
      async close() {
        if (timer) clearInterval(timer);
        await Promise.all(started.map((fake) => fake.close()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((fake) => fake.close().catch(() => undefined)));
    throw error;
  }
}
