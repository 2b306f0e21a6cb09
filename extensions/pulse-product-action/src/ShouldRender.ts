import { parseProductRecommendations, recommendationsPath } from "./view";

/**
 * Shows "Pulse recommendations" in the product's More actions menu only when Pulse has something
 * waiting for this product. One small request to the app; if it fails, the action stays visible
 * (the modal then says what went wrong) rather than silently disappearing.
 */
export default async (): Promise<{ display: boolean }> => {
  const productGid = shopify.data.selected[0]?.id;
  if (!productGid) return { display: false };
  try {
    const response = await fetch(recommendationsPath(productGid));
    if (response.status === 404) return { display: false };
    if (!response.ok) return { display: true };
    const parsed = parseProductRecommendations(await response.json());
    return { display: !parsed.ok || parsed.value.recommendations.length > 0 };
  } catch {
    return { display: true };
  }
};
