// The `sentiment` package's English language module (CommonJS, untyped). Imported as a module
// rather than its labels.json, because JSON imports of AFINN break in loaders that turn each key
// ("super", "true") into an ES binding.
declare module "sentiment/languages/en/index.js" {
  const english: { readonly labels: Readonly<Record<string, number>> };
  export default english;
}
