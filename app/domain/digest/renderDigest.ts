import { translate, type MessageKey, type SupportedLocale } from "~/i18n";
import { escapeHtml } from "./escapeHtml";
import type {
  DigestAppliedChange,
  DigestContent,
  DigestPendingRecommendation,
  DigestProblem,
  RenderedDigest,
} from "./types";

/** Who the digest is for and where its links point. */
export interface DigestRenderContext {
  shopName: string;
  locale: SupportedLocale;
  /** Base of links into the app, ending in "/app" (see appBaseUrl). */
  appBaseUrl: string;
}

/** A block of the email: a heading, lines (each with an optional link) and a closing link. */
interface Section {
  title: string;
  lines: { text: string; href?: string; linkLabel?: string; note?: string }[];
  link?: { label: string; href: string };
}

type Vars = Record<string, string | number>;

function formatters(locale: SupportedLocale) {
  const count = new Intl.NumberFormat(locale);
  const index = new Intl.NumberFormat(locale, {
    signDisplay: "exceptZero",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const percent = new Intl.NumberFormat(locale, {
    style: "percent",
    signDisplay: "exceptZero",
    maximumFractionDigits: 0,
  });
  const signedCount = new Intl.NumberFormat(locale, { signDisplay: "exceptZero" });
  return {
    count: (n: number) => count.format(n),
    index: (n: number) => index.format(n),
    signedCount: (n: number) => signedCount.format(n),
    percent: (changePercent: number) => percent.format(changePercent / 100),
  };
}

/** A translation that falls back to `fallback` when the catalog has no such key. */
function optionalLabel(locale: SupportedLocale, key: string, fallback: string): string {
  const text = translate(locale, key as MessageKey);
  return text === key ? fallback : text;
}

function target(
  item: { productTitle: string | null; variantTitle?: string | null; locationName?: string | null },
  all: string,
) {
  const product = item.productTitle ?? all;
  const variant = item.variantTitle && item.variantTitle !== "Default Title" ? ` / ${item.variantTitle}` : "";
  const location = item.locationName ? ` @ ${item.locationName}` : "";
  return `${product}${variant}${location}`;
}

function buildSections(content: DigestContent, context: DigestRenderContext): Section[] {
  const { locale, appBaseUrl } = context;
  const t = (key: MessageKey, vars?: Vars) => translate(locale, key, vars);
  const f = formatters(locale);
  const kindLabel = (kind: string) => optionalLabel(locale, `kind.${kind}`, kind);
  const sections: Section[] = [];

  if (content.movers.length > 0) {
    sections.push({
      title: t("digest.email.movers"),
      lines: content.movers.map((m) => ({
        text:
          m.indexDelta === null
            ? t("digest.email.moverNoPrevious", {
                title: m.title,
                index: f.index(m.sentimentIndex),
                volume: f.count(m.volume),
              })
            : t("digest.email.mover", {
                title: m.title,
                index: f.index(m.sentimentIndex),
                delta: f.index(m.indexDelta),
                volume: f.count(m.volume),
                volumeChange:
                  m.volumeChangePercent === null
                    ? t("digest.email.volumeNoBase", { previous: f.count(m.previousVolume) })
                    : f.percent(m.volumeChangePercent),
              }),
        href: `${appBaseUrl}/signals/${encodeURIComponent(m.productId)}`,
        linkLabel: t("digest.email.viewProduct"),
      })),
    });
  }

  if (content.topics.length > 0 || content.unmetNeeds.length > 0) {
    sections.push({
      title: t("digest.email.topics"),
      lines: [
        ...content.topics.map((topic) => ({
          text: t(topic.stance === "negative" ? "digest.email.topicNegative" : "digest.email.topicPositive", {
            aspect: optionalLabel(locale, `aspect.${topic.aspect}`, topic.aspect),
            change: f.percent(topic.changePercent),
            mentions: f.count(topic.mentions),
            previous: f.count(topic.previousWeekMentions),
          }),
        })),
        ...content.unmetNeeds.map((need) => ({
          text: `${t("digest.email.unmetNeeds")}: ${t("digest.email.unmetNeed", {
            label: need.label,
            mentions: f.count(need.mentions),
            previous: f.count(need.previousWeekMentions),
          })}`,
        })),
      ],
      link: { label: t("digest.email.openApp"), href: `${appBaseUrl}/signals` },
    });
  }

  if (content.alerts.length > 0) {
    sections.push({
      title: t("digest.email.alerts"),
      lines: content.alerts.map((alert) => {
        const severity = optionalLabel(locale, `digest.email.severity.${alert.severity}`, alert.severity);
        return {
          text: alert.productTitle
            ? t("digest.email.alertProduct", {
                severity,
                product: alert.productTitle,
                message: alert.message,
              })
            : t("digest.email.alert", { severity, message: alert.message }),
        };
      }),
    });
  }

  const pendingLine = (r: DigestPendingRecommendation) => {
    const vars = { kind: kindLabel(r.kind), target: target(r, t("digest.email.allProducts")) };
    const text =
      r.currentUnits !== null && r.proposedUnits !== null
        ? t("digest.email.pendingLine", {
            ...vars,
            current: f.count(r.currentUnits),
            proposed: f.count(r.proposedUnits),
            delta: f.signedCount(r.deltaUnits ?? r.proposedUnits - r.currentUnits),
          })
        : t("digest.email.pendingTask", vars);
    return { text, note: r.reason || undefined };
  };
  sections.push({
    title: t("digest.email.pending", { count: f.count(content.pendingCount) }),
    lines:
      content.pendingCount === 0
        ? [{ text: t("digest.email.pendingNone") }]
        : [
            ...content.pending.map(pendingLine),
            ...(content.pendingCount > content.pending.length
              ? [
                  {
                    text: t("digest.email.pendingMore", {
                      count: f.count(content.pendingCount - content.pending.length),
                    }),
                  },
                ]
              : []),
          ],
    link:
      content.pendingCount > 0
        ? { label: t("digest.email.review"), href: `${appBaseUrl}/recommendations` }
        : undefined,
  });

  if (content.appliedAutomatically.length > 0) {
    sections.push({
      title: t("digest.email.applied"),
      lines: content.appliedAutomatically.map((change: DigestAppliedChange) => ({
        text:
          change.currentUnits !== null && change.proposedUnits !== null
            ? t("digest.email.appliedLine", {
                kind: kindLabel(change.kind),
                target: target(change, t("digest.email.allProducts")),
                current: f.count(change.currentUnits),
                proposed: f.count(change.proposedUnits),
              })
            : t("digest.email.pendingTask", {
                kind: kindLabel(change.kind),
                target: target(change, t("digest.email.allProducts")),
              }),
      })),
    });
  }

  if (content.problems.length > 0) {
    const problemLine = (problem: DigestProblem) => {
      if (problem.kind === "source_needs_attention") {
        return {
          text: problem.reason
            ? t("digest.email.sourceProblem", { name: problem.sourceName, reason: problem.reason })
            : t("digest.email.sourceProblemNoReason", { name: problem.sourceName }),
          href: `${appBaseUrl}/sources`,
          linkLabel: t("digest.email.openSources"),
        };
      }
      const kind = optionalLabel(locale, `syncStatus.kind.${problem.syncKind}`, problem.syncKind);
      return {
        text: problem.error
          ? t("digest.email.syncProblem", { kind, error: problem.error })
          : t("digest.email.syncProblemNoError", { kind }),
        href: appBaseUrl,
        linkLabel: t("digest.email.openApp"),
      };
    };
    sections.push({ title: t("digest.email.problems"), lines: content.problems.map(problemLine) });
  }
  return sections;
}

function quietText(content: DigestContent, locale: SupportedLocale) {
  const f = formatters(locale);
  return {
    title: translate(locale, "digest.email.quietTitle"),
    body: translate(locale, "digest.email.quietBody", {
      products: f.count(content.checked.productsWithSignals),
      sources: f.count(content.checked.sourcesChecked),
    }),
  };
}

function renderText(content: DigestContent, context: DigestRenderContext, sections: Section[]): string {
  const t = (key: MessageKey, vars?: Vars) => translate(context.locale, key, vars);
  const out: string[] = [
    t("digest.email.heading"),
    t("digest.email.intro", { shop: context.shopName, week: content.week }),
    "",
  ];
  if (content.quiet) {
    const quiet = quietText(content, context.locale);
    out.push(quiet.title, quiet.body, "");
  }
  for (const section of sections) {
    out.push(section.title, "-".repeat(Math.min(60, section.title.length * 2)));
    for (const line of section.lines) {
      out.push(`- ${line.text}`);
      if (line.note) out.push(`  ${line.note}`);
      if (line.href) out.push(`  ${line.linkLabel ?? ""}: ${line.href}`.trimEnd());
    }
    if (section.link) out.push(`${section.link.label}: ${section.link.href}`);
    out.push("");
  }
  out.push(t("digest.email.footer", { link: `${context.appBaseUrl}/digest` }));
  return `${out.join("\n")}\n`;
}

const STYLE = {
  body: "margin:0;padding:24px;background:#f1f1f1;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,'PingFang SC','Microsoft YaHei',sans-serif;color:#303030;",
  card: "max-width:640px;margin:0 auto;background:#ffffff;border-radius:12px;padding:24px;",
  h1: "margin:0 0 4px;font-size:20px;line-height:28px;",
  intro: "margin:0 0 16px;color:#616161;font-size:14px;line-height:20px;",
  h2: "margin:24px 0 8px;font-size:16px;line-height:24px;",
  list: "margin:0;padding:0 0 0 20px;font-size:14px;line-height:20px;",
  item: "margin:0 0 8px;",
  note: "display:block;color:#616161;font-size:13px;",
  link: "color:#005bd3;text-decoration:underline;",
  button:
    "display:inline-block;margin-top:8px;padding:8px 14px;background:#303030;color:#ffffff;border-radius:8px;text-decoration:none;font-size:14px;",
  quiet:
    "margin:16px 0;padding:12px 16px;background:#f0f9f4;border-radius:8px;font-size:14px;line-height:20px;",
  footer: "margin:24px 0 0;color:#8a8a8a;font-size:12px;line-height:18px;",
};

function renderHtml(content: DigestContent, context: DigestRenderContext, sections: Section[]): string {
  const t = (key: MessageKey, vars?: Vars) => translate(context.locale, key, vars);
  const e = escapeHtml;
  const a = (href: string, label: string, style = STYLE.link) =>
    `<a href="${e(href)}" style="${style}">${e(label)}</a>`;
  const parts: string[] = [
    `<!DOCTYPE html><html lang="${e(context.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(t("digest.email.heading"))}</title></head>`,
    `<body style="${STYLE.body}"><div style="${STYLE.card}">`,
    `<h1 style="${STYLE.h1}">${e(t("digest.email.heading"))}</h1>`,
    `<p style="${STYLE.intro}">${e(t("digest.email.intro", { shop: context.shopName, week: content.week }))}</p>`,
  ];
  if (content.quiet) {
    const quiet = quietText(content, context.locale);
    parts.push(`<div style="${STYLE.quiet}"><strong>${e(quiet.title)}</strong><br>${e(quiet.body)}</div>`);
  }
  for (const section of sections) {
    parts.push(`<h2 style="${STYLE.h2}">${e(section.title)}</h2><ul style="${STYLE.list}">`);
    for (const line of section.lines) {
      const note = line.note ? `<span style="${STYLE.note}">${e(line.note)}</span>` : "";
      const link = line.href ? ` ${a(line.href, line.linkLabel ?? line.href)}` : "";
      parts.push(`<li style="${STYLE.item}">${e(line.text)}${link}${note}</li>`);
    }
    parts.push("</ul>");
    if (section.link) parts.push(a(section.link.href, section.link.label, STYLE.button));
  }
  const settingsLink = `${context.appBaseUrl}/digest`;
  const footer = e(t("digest.email.footer", { link: "\u0000" })).replace(
    "\u0000",
    a(settingsLink, settingsLink),
  );
  parts.push(`<p style="${STYLE.footer}">${footer}</p>`, "</div></body></html>");
  return parts.join("\n");
}

/**
 * Returns the digest email (subject, plain text, HTML with inline styles and no external assets) in
 * the shop's locale. Every merchant-provided string (product, source and shop names, messages) is
 * HTML-escaped; links point into the app under `context.appBaseUrl`.
 *
 * @example
 * const { subject } = renderDigest(selectDigestContent(input), { shopName: "Acme", locale: "en", appBaseUrl });
 * subject; // "Pulse weekly digest, 2026-W47: 3 waiting for approval"
 */
export function renderDigest(content: DigestContent, context: DigestRenderContext): RenderedDigest {
  const sections = buildSections(content, context);
  const subject = content.quiet
    ? translate(context.locale, "digest.email.subjectQuiet", { week: content.week })
    : translate(context.locale, "digest.email.subject", {
        week: content.week,
        pending: formatters(context.locale).count(content.pendingCount),
      });
  return {
    subject,
    text: renderText(content, context, sections),
    html: renderHtml(content, context, sections),
  };
}
