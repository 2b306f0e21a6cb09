/** The fake YouTube Data API v3 (search.list + commentThreads.list) shared by tests and demo mode. */
export {
  FAKE_YOUTUBE_API_KEY,
  seedYoutubeVideos,
  startFakeYoutubeServer,
  type FakeYoutubeComment,
  type FakeYoutubeFault,
  type FakeYoutubeRequestLog,
  type FakeYoutubeServer,
  type FakeYoutubeServerOptions,
  type FakeYoutubeVideo,
} from "./server";
