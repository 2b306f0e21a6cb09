/**
 * The fake Judge.me reviews API shared by tests and the demo (see ./README.md).
 */
export {
  startFakeJudgemeServer,
  judgemeReviewFromFact,
  FAKE_JUDGEME_API_TOKEN,
  FAKE_JUDGEME_SHOP_DOMAIN,
  type FakeJudgemeReview,
  type FakeJudgemeServer,
  type FakeJudgemeServerOptions,
} from "./server";
export { seedReviewFacts, type ReviewFact } from "./review-seed";
export type { ReviewAppFault, ReviewAppRequestLog } from "./http-kit";
