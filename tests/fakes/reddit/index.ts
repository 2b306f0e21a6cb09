/** The fake Reddit Data API (application-only OAuth + search) shared by tests and demo mode. */
export {
  FAKE_REDDIT_APP,
  seedRedditPosts,
  startFakeRedditServer,
  type FakeRedditApp,
  type FakeRedditFault,
  type FakeRedditPost,
  type FakeRedditRequestLog,
  type FakeRedditServer,
  type FakeRedditServerOptions,
} from "./server";
