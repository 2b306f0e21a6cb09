import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import {
  decisionOutcome,
  DECISION_PATH,
  parseProductRecommendations,
  recommendationLines,
  recommendationsPath,
  type RecommendationLine,
} from "./view";

export default async () => {
  render(<PulseRecommendations />, document.body);
};

type Load =
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "ready"; productTitle: string; lines: RecommendationLine[] };

interface Outcome {
  tone: "success" | "critical" | "warning";
  text: string;
}

/**
 * The product's waiting recommendations with their numbers and reason; approve or reject each.
 * Requests go to the app with relative URLs: Shopify resolves them against the app URL and adds the
 * session token (docs: admin extensions "App authentication").
 */
function PulseRecommendations() {
  const productGid = shopify.data.selected[0]?.id ?? "";
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [busyId, setBusyId] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [settled, setSettled] = useState<Set<string>>(new Set());

  useEffect(() => {
    (async () => {
      try {
        const response = await fetch(recommendationsPath(productGid));
        const json: unknown = await response.json().catch(() => null);
        if (!response.ok) {
          const message = (json as { error?: { message?: string } } | null)?.error?.message;
          setLoad({
            state: "error",
            message: message ?? `Pulse answered ${response.status}. Try again in a minute.`,
          });
          return;
        }
        const parsed = parseProductRecommendations(json);
        setLoad(
          parsed.ok
            ? {
                state: "ready",
                productTitle: parsed.value.product.title,
                lines: recommendationLines(parsed.value, shopify.i18n.formatNumber),
              }
            : { state: "error", message: parsed.error },
        );
      } catch {
        setLoad({
          state: "error",
          message: "Pulse could not be reached. Check your connection and try again.",
        });
      }
    })();
  }, [productGid]);

  async function decide(id: string, decision: "approve" | "reject") {
    setBusyId(id);
    try {
      const response = await fetch(DECISION_PATH, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ recommendationId: id, decision }),
      });
      const outcome = decisionOutcome(response.status, await response.json().catch(() => null));
      setOutcomes((all) => ({ ...all, [id]: { tone: outcome.tone, text: outcome.text } }));
      if (outcome.decided) setSettled((all) => new Set(all).add(id));
    } catch {
      setOutcomes((all) => ({
        ...all,
        [id]: { tone: "critical", text: "Pulse could not be reached. Nothing was changed; try again." },
      }));
    } finally {
      setBusyId(null);
    }
  }

  const heading = load.state === "ready" ? `Pulse · ${load.productTitle}` : "Pulse recommendations";
  return (
    <s-admin-action heading={heading} loading={load.state === "loading"}>
      {load.state === "error" ? <s-banner tone="critical">{load.message}</s-banner> : null}
      {load.state === "ready" && load.lines.length === 0 ? (
        <s-paragraph>Nothing waits for approval on this product. Pulse plans once a week.</s-paragraph>
      ) : null}
      {load.state === "ready" ? (
        <s-stack direction="block" gap="base">
          {load.lines.map((line) => (
            <s-box key={line.id} padding="base" border="base" borderRadius="base">
              <s-stack direction="block" gap="small-200">
                <s-text type="strong">{line.heading}</s-text>
                <s-text>{line.numbers}</s-text>
                <s-text color="subdued">{line.reason}</s-text>
                {outcomes[line.id] ? (
                  <s-banner tone={outcomes[line.id]!.tone}>{outcomes[line.id]!.text}</s-banner>
                ) : null}
                {line.mayDecide && !settled.has(line.id) ? (
                  <s-button-group>
                    <s-button
                      slot="primary-action"
                      variant="primary"
                      loading={busyId === line.id}
                      disabled={busyId !== null && busyId !== line.id}
                      onClick={() => decide(line.id, "approve")}
                    >
                      Approve
                    </s-button>
                    <s-button
                      slot="secondary-actions"
                      disabled={busyId !== null}
                      onClick={() => decide(line.id, "reject")}
                    >
                      Reject
                    </s-button>
                  </s-button-group>
                ) : null}
              </s-stack>
            </s-box>
          ))}
        </s-stack>
      ) : null}
      <s-button slot="secondary-actions" onClick={() => shopify.close()}>
        Done
      </s-button>
    </s-admin-action>
  );
}
