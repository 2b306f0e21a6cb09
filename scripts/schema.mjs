// Derives app/types/admin-2026-10.schema.json (what @shopify/api-codegen-preset reads when present,
// instead of downloading) from the committed gzip. Node built-ins only; never downloads.
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "app/integrations/shopify/schema/admin-2026-10.introspection.json.gz");
const target = path.join(root, "app/types/admin-2026-10.schema.json");

if (!existsSync(target) || statSync(target).mtimeMs < statSync(source).mtimeMs) {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, gunzipSync(readFileSync(source)));
  console.log(`schema: wrote ${path.relative(root, target)} from ${path.relative(root, source)}`);
}
