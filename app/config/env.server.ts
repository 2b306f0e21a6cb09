import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * The only reader of process.env. Parsed once; a missing or malformed variable stops start-up
 * with a message naming it (see loadEnv). Demo mode (PULSE_DEMO=1) supplies safe local defaults
 * for the Shopify credentials so a newcomer needs no Partner account.
 */

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

/** Whether a DATABASE_URL points at PostgreSQL (anything else is a SQLite file: URL). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

const databaseUrl = z.string().refine((v) => v.startsWith("file:") || isPostgresUrl(v), {
  message: "must start with file: (SQLite) or postgres:// (PostgreSQL)",
});

/** A 32-byte key written as 64 hex digits or as base64; null when it is neither. */
export function decodeEncryptionKey(value: string): Buffer | null {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed, "base64");
  return bytes.length === 32 ? bytes : null;
}

/** Default PULSE_IMPORT_MAX_BYTES: 1 GB (the same value as the reader's DEFAULT_MAX_IMPORT_BYTES). */
export const DEFAULT_IMPORT_MAX_BYTES = 1024 * 1024 * 1024;

// Digits only: z.coerce.number() would also take "1e9", "0x400" or "1.5", which nobody means as a byte count.
const importMaxBytes = z
  .string()
  .regex(/^[1-9][0-9]*$/, "must be a positive whole number of bytes (for example 1073741824 for 1 GB)")
  .transform(Number)
  .refine(Number.isSafeInteger, { message: "is too large (at most 9007199254740991 bytes)" });

const encryptionKey = z.string().refine((v) => decodeEncryptionKey(v) !== null, {
  message: "must be 32 bytes encoded as base64 or 64 hex digits (generate one with: openssl rand -base64 32)",
});

/**
 * DEVELOPMENT AND TEST ONLY: the key used when PULSE_ENCRYPTION_KEY is unset outside production.
 * Derived from a public string, so it protects nothing; it only keeps local credentials readable
 * across restarts. Production refuses to start without a real key.
 */
const DEVELOPMENT_ONLY_ENCRYPTION_KEY = createHash("sha256")
  .update("pulse development-only credentials key (not secret, never used in production)")
  .digest();

const rawSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PULSE_DEMO: booleanFlag,
  PULSE_DEMO_SHOP: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "must be a *.myshopify.com domain")
    .default("pulse-demo.myshopify.com"),
  SHOPIFY_ADMIN_FAKE_URL: z.string().url().optional(),
  SHOPIFY_API_KEY: z.string().min(1).optional(),
  SHOPIFY_API_SECRET: z.string().min(1).optional(),
  SHOPIFY_APP_URL: z.string().url().optional(),
  SCOPES: z
    .string()
    .default("read_products,write_products,read_inventory,write_inventory,read_locations,read_orders"),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  DATABASE_URL: databaseUrl.default("file:./prisma/dev.db"),
  PULSE_ENCRYPTION_KEY: encryptionKey.optional(),
  PULSE_ENCRYPTION_KEY_PREVIOUS: encryptionKey.optional(),
  PULSE_JOB_RUNNER: z.enum(["inprocess", "pgboss", "off"]).default("inprocess"),
  PULSE_IMPORT_MAX_BYTES: importMaxBytes.default(String(DEFAULT_IMPORT_MAX_BYTES)),
  SMTP_URL: z.string().url().optional(),
  DIGEST_FROM: z
    .string()
    .regex(/^[^\s@]+@[^\s@]+$/, "must be an email address")
    .default("pulse@localhost"),
  DIGEST_OUTBOX_DIR: z.string().default("var/outbox"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = ReturnType<typeof resolveEnv>;

/** Fills demo defaults and applies the cross-field rules. Returns issues instead of throwing. */
function resolveEnv(raw: z.infer<typeof rawSchema>) {
  const appUrl = raw.SHOPIFY_APP_URL ?? (raw.PULSE_DEMO ? `http://localhost:${raw.PORT}` : undefined);
  return {
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    demo: raw.PULSE_DEMO,
    demoShop: raw.PULSE_DEMO_SHOP,
    adminFakeUrl: raw.SHOPIFY_ADMIN_FAKE_URL,
    shopifyApiKey: raw.SHOPIFY_API_KEY ?? (raw.PULSE_DEMO ? "pulse-demo-api-key" : ""),
    shopifyApiSecret: raw.SHOPIFY_API_SECRET ?? (raw.PULSE_DEMO ? "pulse-demo-api-secret" : ""),
    appUrl: appUrl ?? "",
    scopes: raw.SCOPES.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    shopCustomDomain: raw.SHOP_CUSTOM_DOMAIN,
    databaseUrl: raw.DATABASE_URL,
    databaseProvider: raw.DATABASE_URL.startsWith("file:") ? ("sqlite" as const) : ("postgresql" as const),
    encryptionKey: raw.PULSE_ENCRYPTION_KEY,
    /** Key that encrypts connector credentials (the development-only key outside production when unset). */
    credentialsKey: raw.PULSE_ENCRYPTION_KEY
      ? decodeEncryptionKey(raw.PULSE_ENCRYPTION_KEY)!
      : DEVELOPMENT_ONLY_ENCRYPTION_KEY,
    /** The key before the last rotation: still decrypts until `npm run secrets:rotate` has run. */
    previousCredentialsKey: raw.PULSE_ENCRYPTION_KEY_PREVIOUS
      ? decodeEncryptionKey(raw.PULSE_ENCRYPTION_KEY_PREVIOUS)!
      : null,
    jobRunner: raw.PULSE_JOB_RUNNER,
    /** Largest file the import page accepts (upload, download from a URL, and the import itself). */
    importMaxBytes: raw.PULSE_IMPORT_MAX_BYTES,
    smtpUrl: raw.SMTP_URL,
    digestFrom: raw.DIGEST_FROM,
    digestOutboxDir: raw.DIGEST_OUTBOX_DIR,
    logLevel: raw.LOG_LEVEL,
  };
}

export type EnvResult = { ok: true; value: Env } | { ok: false; error: string[] };

/** Parses an environment object; the list of errors names every bad variable. Pure, for tests. */
export function parseEnv(input: Record<string, string | undefined>): EnvResult {
  // An empty value (KEY= in .env) means "not set", so defaults and "required" messages apply.
  const source = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = rawSchema.safeParse(source);
  if (!parsed.success) {
    return {
      ok: false,
      error: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    };
  }
  const env = resolveEnv(parsed.data);
  const problems: string[] = [];
  if (!env.demo) {
    if (!source.SHOPIFY_API_KEY)
      problems.push("SHOPIFY_API_KEY: required (the app's client id from the Partner Dashboard)");
    if (!source.SHOPIFY_API_SECRET) problems.push("SHOPIFY_API_SECRET: required (the app's client secret)");
    if (!env.appUrl) problems.push("SHOPIFY_APP_URL: required (the public https URL of this app)");
  }
  if (env.nodeEnv === "production" && env.demo) {
    problems.push("PULSE_DEMO: demo mode runs on simulated data and must not run with NODE_ENV=production");
  }
  if (env.nodeEnv === "production" && env.adminFakeUrl) {
    problems.push(
      "SHOPIFY_ADMIN_FAKE_URL: the fake Admin API is for tests and the demo; unset it in production",
    );
  }
  if (env.nodeEnv === "production" && !env.encryptionKey) {
    problems.push(
      "PULSE_ENCRYPTION_KEY: required in production (encrypts connector credentials; generate one with: openssl rand -base64 32)",
    );
  }
  if (env.jobRunner === "pgboss" && env.databaseProvider !== "postgresql") {
    problems.push("PULSE_JOB_RUNNER: pgboss needs DATABASE_URL to point at PostgreSQL");
  }
  return problems.length > 0 ? { ok: false, error: problems } : { ok: true, value: env };
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Pulse cannot start: the environment is not valid.\n  - ${problems.join("\n  - ")}\nSee .env.example.`,
    );
    this.name = "EnvError";
  }
}

let cached: Env | undefined;

/** The validated environment of this process. Throws EnvError naming every bad variable. */
export function env(): Env {
  if (cached) return cached;
  const result = parseEnv(process.env);
  if (!result.ok) throw new EnvError(result.error);
  cached = result.value;
  return cached;
}

/** Forget the cached environment (tests that change process.env). */
export function resetEnvCache(): void {
  cached = undefined;
}
