/**
 * The fake Yotpo reviews API shared by tests and the demo (see ../judgeme/README.md).
 */
export {
  startFakeYotpoServer,
  yotpoReviewFromFact,
  FAKE_YOTPO_API_SECRET,
  FAKE_YOTPO_APP_KEY,
  type FakeYotpoReview,
  type FakeYotpoServer,
  type FakeYotpoServerOptions,
} from "./server";
export type { ReviewAppFault, ReviewAppRequestLog } from "../judgeme/http-kit";
