import type { z } from "zod";
import { judgemeConnector } from "./judgeme.server";
import { redditConnector } from "./reddit.server";
import { SOURCE_KINDS, type Connector, type SourceKind } from "./types";
import { yotpoConnector } from "./yotpo.server";
import { youtubeConnector } from "./youtube.server";

/**
 * The polling connectors, by kind. File import and the signed ingest webhook are pushed to Pulse and
 * have no connector; "demo" is the seeded simulation.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each connector has its own credential, config and cursor types
const CONNECTORS: Partial<Record<SourceKind, Connector<any, any, any>>> = {
  judgeme: judgemeConnector,
  yotpo: yotpoConnector,
  reddit: redditConnector,
  youtube: youtubeConnector,
};

/** Kinds whose mentions are pushed (file, webhook) or simulated: never polled. */
export const PUSH_SOURCE_KINDS: readonly SourceKind[] = ["file_import", "ingest_webhook", "demo"];

/** Returns the polling connector of a kind, or null for kinds that are pushed to Pulse. */
export function connectorFor(kind: string): Connector | null {
  return (CONNECTORS[kind as SourceKind] as Connector | undefined) ?? null;
}

/** Kinds that can be polled in this build. */
export function pollingKinds(): SourceKind[] {
  return SOURCE_KINDS.filter((kind) => CONNECTORS[kind] !== undefined);
}

export interface ConnectorFields {
  credentials: { name: string; labelKey: string; secret: boolean }[];
  config: { name: string; labelKey: string }[];
}

/** The object shape behind a zod schema (through refinements, defaults and optionals), or null. */
function objectShape(schema: z.ZodTypeAny | undefined): Record<string, z.ZodTypeAny> | null {
  let current: z.ZodTypeAny | undefined = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = current._def as {
      typeName?: string;
      schema?: z.ZodTypeAny;
      innerType?: z.ZodTypeAny;
      in?: z.ZodTypeAny;
    };
    if (def.typeName === "ZodObject")
      return (current as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>;
    current = def.schema ?? def.innerType ?? def.in;
  }
  return null;
}

/**
 * Provider base URLs point connectors at local fakes in tests and the demo (production accepts only
 * the provider's own hosts): not something a merchant fills in, so not a form field.
 */
const TEST_ONLY_CONFIG = new Set(["apiBaseUrl", "authBaseUrl"]);

/** Label keys live under `listening.sourceFields` in the locale files. */
const labelKey = (name: string) => `listening.sourceFields.${name}`;

function fieldsOf(connector: Connector | null): ConnectorFields {
  if (!connector) return { credentials: [], config: [] };
  const credentials = Object.keys(objectShape(connector.credentialsSchema as z.ZodTypeAny) ?? {});
  const config = Object.keys(objectShape(connector.configSchema as z.ZodTypeAny) ?? {}).filter(
    (name) => !TEST_ONLY_CONFIG.has(name),
  );
  return {
    // Every credential field is treated as secret: it is encrypted and never sent back to the browser.
    credentials: credentials.map((name) => ({ name, labelKey: labelKey(name), secret: true })),
    config: config.map((name) => ({ name, labelKey: labelKey(name) })),
  };
}

/** The form fields of each kind, read from the connectors' zod schemas. */
export const CONNECTOR_FIELDS: Record<SourceKind, ConnectorFields> = Object.fromEntries(
  SOURCE_KINDS.map((kind) => [kind, fieldsOf(connectorFor(kind))]),
) as Record<SourceKind, ConnectorFields>;
