// The `shopify` global of each module, as `shopify app dev` generates this file (regenerated there).
import "@shopify/ui-extensions";

//@ts-ignore
declare module "./src/ActionExtension.tsx" {
  const shopify: import("@shopify/ui-extensions/admin.product-details.action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/ShouldRender.ts" {
  const shopify: import("@shopify/ui-extensions/admin.product-details.action.should-render").Api;
  const globalThis: { shopify: typeof shopify };
}
