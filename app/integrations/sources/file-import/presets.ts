/**
 * Column presets for exports of common listening tools, auto-detected from the header row.
 *
 * Where the column names come from (checked 2026-11 in public code that reads these exports):
 * - Meltwater: verified. Two header sets are in circulation: the older "Date, Headline, URL,
 *   Opening Text, Hit Sentence, Source, Influencer, Country, …, Language, Reach, …" and the newer
 *   "Date, Time, Document ID, URL, …, Source Name, Author Name, Author Handle, Title, Opening Text,
 *   Hit Sentence, …, Country, …, Language, …, Reach, …". The export is UTF-16 and tab-separated.
 * - Brandwatch Consumer Research: "Date, Url, Full Text, Page Type, Author, Full Name" verified, and
 *   that the file starts with metadata rows before the header (header-row detection handles it).
 *   "Country", "Country Code", "Language", "Reach (new)", "Resource Id" follow Brandwatch's mention
 *   field definitions (country, language, reachEstimate, resourceId), not a sample file.
 * - Talkwalker and Mention.com: names follow their documented API fields (Talkwalker: published,
 *   url, title, content, reach, lang; Mention: published_at, source_type, author name, description,
 *   original_url, language, country, reach); their CSV headers were not verified.
 * - Sprout Social: not verified (no public sample found); aliases are the names its UI shows.
 * - Generic / Google Sheets: common hand-made names in English and Chinese.
 */
import type { MappingField } from "./fields";

export interface ImportPreset {
  id: string;
  label: string;
  /** Header names per field, most specific first; compared case- and space-insensitively. */
  columns: Partial<Record<MappingField, string[]>>;
  /** Platform when the file has no platform column. */
  defaultPlatform?: string;
}

export const IMPORT_PRESETS: ImportPreset[] = [
  {
    id: "meltwater",
    label: "Meltwater",
    columns: {
      date: ["Date", "Alternate Date Format"],
      platform: ["Source Type", "Source", "Content Type"],
      author: ["Author Handle", "Influencer", "Author Name"],
      reach: ["Reach", "Global Reach"],
      text: ["Hit Sentence", "Opening Text"],
      url: ["URL"],
      country: ["Country"],
      language: ["Language"],
      externalId: ["Document ID", "Tweet Id"],
      title: ["Title", "Headline"],
    },
  },
  {
    id: "brandwatch",
    label: "Brandwatch",
    columns: {
      date: ["Date"],
      platform: ["Page Type", "Content Source Name", "Domain"],
      author: ["Author", "Full Name"],
      reach: ["Reach (new)", "Reach", "Impressions"],
      text: ["Full Text", "Snippet"],
      url: ["Url"],
      country: ["Country Code", "Country"],
      language: ["Language"],
      externalId: ["Resource Id", "Mention Id", "Content Id"],
      title: ["Title"],
      rating: ["Rating"],
    },
  },
  {
    id: "talkwalker",
    label: "Talkwalker",
    columns: {
      date: ["published", "Published", "Published date"],
      platform: ["source_type", "Source type", "Media type"],
      author: ["extra_author_attributes.name", "Author name", "author_name", "Author"],
      reach: ["reach", "Reach"],
      text: ["content", "Content", "Content snippet"],
      url: ["url", "URL"],
      country: ["extra_source_attributes.world_data.country_code", "Country", "country"],
      language: ["lang", "Language"],
      externalId: ["id", "Document ID"],
      title: ["title", "Title"],
    },
  },
  {
    id: "sprout",
    label: "Sprout Social",
    columns: {
      date: ["Created Time", "Date", "Timestamp"],
      platform: ["Network", "Channel"],
      author: ["From", "Author", "Profile", "Sender"],
      reach: ["Followers", "Potential Impressions", "Audience"],
      text: ["Message", "Text", "Post"],
      url: ["Permalink", "Link"],
      country: ["Country", "Location"],
      language: ["Language"],
      externalId: ["Message ID", "Post ID", "Guid"],
    },
  },
  {
    id: "mention",
    label: "Mention.com",
    columns: {
      date: ["published_at", "Published at", "Date"],
      platform: ["source_type", "Source type", "source_name", "Source"],
      author: ["author_name", "Author name", "author.name", "Author"],
      reach: ["reach", "Reach", "cumulative_reach"],
      text: ["description", "Description", "description_short"],
      url: ["original_url", "Original URL", "URL", "url"],
      country: ["country", "Country"],
      language: ["language", "Language"],
      externalId: ["id", "Mention ID"],
      title: ["title", "Title"],
    },
  },
  {
    id: "generic",
    label: "Generic spreadsheet (Google Sheets, Excel)",
    columns: {
      date: [
        "date",
        "posted at",
        "postedAt",
        "published",
        "published at",
        "created at",
        "created_at",
        "timestamp",
        "time",
        "日期",
        "时间",
        "发布时间",
      ],
      platform: ["platform", "network", "channel", "source", "site", "平台", "渠道", "来源"],
      author: [
        "author",
        "user",
        "username",
        "handle",
        "name",
        "from",
        "reviewer",
        "作者",
        "用户",
        "用户名",
        "昵称",
      ],
      reach: ["reach", "followers", "follower count", "audience", "impressions", "粉丝数", "粉丝", "阅读量"],
      text: [
        "text",
        "content",
        "message",
        "body",
        "comment",
        "review",
        "post",
        "mention",
        "内容",
        "正文",
        "评论",
        "评价",
      ],
      url: ["url", "link", "permalink", "链接", "网址"],
      country: ["country", "country code", "国家", "地区"],
      language: ["language", "lang", "语言"],
      externalId: ["id", "external id", "externalId", "post id", "mention id", "编号"],
      rating: ["rating", "stars", "score", "评分", "星级"],
      title: ["title", "subject", "headline", "标题"],
    },
  },
];

/** Header cell normalised for comparison: lower case, single spaces, no BOM or surrounding quotes. */
export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, " ");
}

/**
 * How well a preset fits a header row: the number of its fields found, with a bonus for the columns
 * only that tool exports. 0 when it lacks a date or text column.
 * @example presetScore(IMPORT_PRESETS[0]!, ["Date", "Hit Sentence", "URL"]) // 3
 */
export function presetScore(preset: ImportPreset, header: string[]): number {
  const present = new Set(header.map(normalizeHeader));
  let score = 0;
  for (const [field, names] of Object.entries(preset.columns)) {
    const found = names!.some((name) => present.has(normalizeHeader(name)));
    if (!found) {
      if (field === "date" || field === "text") return 0;
      continue;
    }
    score += 1;
  }
  return score;
}

/**
 * The preset that fits a header best; the generic one when none of the tools' presets fits better.
 * @example detectPreset(["Date", "Url", "Full Text", "Page Type", "Author"]).id // "brandwatch"
 */
export function detectPreset(header: string[]): ImportPreset {
  let best = IMPORT_PRESETS.at(-1)!;
  let bestScore = presetScore(best, header);
  for (const preset of IMPORT_PRESETS.slice(0, -1)) {
    const score = presetScore(preset, header);
    if (score > bestScore) {
      best = preset;
      bestScore = score;
    }
  }
  return best;
}

/** Every header name any preset knows, for finding the header row below metadata rows. */
export const KNOWN_HEADER_NAMES: ReadonlySet<string> = new Set(
  IMPORT_PRESETS.flatMap((preset) => Object.values(preset.columns).flat().map(normalizeHeader)),
);
