import { gid } from "../gid";
import { METAFIELD_TYPES, resolveMetafieldNamespace } from "../metafield-namespace";
import type { MetafieldDefinitionRecord, MetafieldOwnerType, MetafieldRecord } from "../records";
import type { ResolverContext, ResolverMap } from "./context";
import { metafieldDigest } from "./objects";

/** Shopify caps `metafieldsSet` at 25 metafields a call. */
export const METAFIELDS_SET_LIMIT = 25;

const OWNER_TYPES: Record<string, MetafieldOwnerType> = {
  Shop: "SHOP",
  Product: "PRODUCT",
  ProductVariant: "PRODUCTVARIANT",
  Location: "LOCATION",
  Order: "ORDER",
};

interface MetafieldsSetError {
  field: string[];
  message: string;
  code: string;
  elementIndex: number | null;
}

function keyProblem(key: string): { message: string; code: string } | null {
  if (key.length < 2) return { message: "Key is too short (minimum is 2 characters)", code: "TOO_SHORT" };
  if (key.length > 64) return { message: "Key is too long (maximum is 64 characters)", code: "TOO_LONG" };
  if (!/^[A-Za-z0-9_-]+$/.test(key)) {
    return { message: "Key contains one or more invalid characters.", code: "INVALID_CHARACTER" };
  }
  return null;
}

function findDefinition(ctx: ResolverContext, ownerType: string, namespace: string, key: string) {
  return [...ctx.store.metafieldDefinitions.values()].find(
    (d) => d.ownerType === ownerType && d.namespace === namespace && d.key === key,
  );
}

function metafieldsSet(ctx: ResolverContext, inputs: Record<string, unknown>[]) {
  if (inputs.length > METAFIELDS_SET_LIMIT) {
    return {
      metafields: null,
      userErrors: [
        {
          field: ["metafields"],
          message: `Exceeded the maximum metafields input limit of ${METAFIELDS_SET_LIMIT}.`,
          code: "LESS_THAN_OR_EQUAL_TO",
          elementIndex: null,
        },
      ],
    };
  }
  const errors: MetafieldsSetError[] = [];
  const planned: Omit<MetafieldRecord, "id" | "legacyResourceId" | "createdAt" | "updatedAt">[] = [];
  inputs.forEach((input, index) => {
    const path = (field: string) => ["metafields", String(index), field];
    const namespace = resolveMetafieldNamespace(
      input["namespace"] as string | null | undefined,
      ctx.store.appId,
    );
    if (namespace === null) {
      errors.push({
        field: path("namespace"),
        message: "Access to this namespace and key on Metafields for this resource type is not allowed.",
        code: "APP_NOT_AUTHORIZED",
        elementIndex: index,
      });
      return;
    }
    const key = input["key"] as string;
    const problem = keyProblem(key);
    if (problem) {
      errors.push({
        field: path("key"),
        ...problem,
        code: problem.code === "INVALID_CHARACTER" ? "INVALID" : problem.code,
        elementIndex: index,
      });
      return;
    }
    const owner = ctx.store.findNode(input["ownerId"] as string);
    const ownerType = owner ? OWNER_TYPES[owner.__typename] : undefined;
    if (!owner || !ownerType) {
      errors.push({
        field: path("ownerId"),
        message: "Owner does not exist.",
        code: "INVALID",
        elementIndex: index,
      });
      return;
    }
    const existing = [...ctx.store.metafields.values()].find(
      (m) => m.ownerId === owner.id && m.namespace === namespace && m.key === key,
    );
    const definition = findDefinition(ctx, ownerType, namespace, key);
    const type = (input["type"] as string | null | undefined) ?? definition?.typeName ?? existing?.type;
    if (!type) {
      errors.push({
        field: path("type"),
        message: "Type can't be blank.",
        code: "BLANK",
        elementIndex: index,
      });
      return;
    }
    const check = METAFIELD_TYPES[type];
    if (!check) {
      errors.push({
        field: path("type"),
        message: `Type '${type}' is not a valid metafield type.`,
        code: "INVALID_TYPE",
        elementIndex: index,
      });
      return;
    }
    if (definition && definition.typeName !== type) {
      errors.push({
        field: path("type"),
        message: `Type must be ${definition.typeName} to match the metafield definition.`,
        code: "INVALID_TYPE",
        elementIndex: index,
      });
      return;
    }
    const value = input["value"] as string;
    if (!check(value)) {
      errors.push({
        field: path("value"),
        message: `Value is invalid for type ${type}.`,
        code: "INVALID_VALUE",
        elementIndex: index,
      });
      return;
    }
    const compareDigest = input["compareDigest"] as string | null | undefined;
    if (compareDigest != null && (!existing || metafieldDigest(existing) !== compareDigest)) {
      errors.push({
        field: path("compareDigest"),
        message:
          "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.",
        code: "STALE_OBJECT",
        elementIndex: index,
      });
      return;
    }
    planned.push({
      __typename: "Metafield",
      ownerId: owner.id,
      ownerType,
      namespace,
      key,
      type,
      value,
      description: existing?.description ?? null,
    });
  });
  // metafieldsSet is atomic: one bad entry and nothing is written.
  if (errors.length > 0) return { metafields: null, userErrors: errors };
  const at = ctx.store.now().toISOString();
  const saved = planned.map((entry) => {
    const existing = [...ctx.store.metafields.values()].find(
      (m) => m.ownerId === entry.ownerId && m.namespace === entry.namespace && m.key === entry.key,
    );
    if (existing) {
      Object.assign(existing, { type: entry.type, value: entry.value, updatedAt: at });
      return existing;
    }
    const numericId = ctx.store.nextNumericId();
    const created: MetafieldRecord = {
      ...entry,
      id: gid("Metafield", numericId),
      legacyResourceId: String(numericId),
      createdAt: at,
      updatedAt: at,
    };
    ctx.store.metafields.set(created.id, created);
    return created;
  });
  return { metafields: saved, userErrors: [] };
}

function metafieldDefinitionCreate(ctx: ResolverContext, definition: Record<string, unknown>) {
  const fail = (field: string, message: string, code: string) => ({
    createdDefinition: null,
    userErrors: [{ field: ["definition", field], message, code, elementIndex: null, elementKey: null }],
  });
  const namespace = resolveMetafieldNamespace(
    definition["namespace"] as string | null | undefined,
    ctx.store.appId,
  );
  if (namespace === null) return fail("namespace", "Namespace is reserved for another app.", "INVALID");
  const key = definition["key"] as string;
  const problem = keyProblem(key);
  if (problem) return fail("key", problem.message, problem.code);
  const name = (definition["name"] as string).trim();
  if (name === "") return fail("name", "Name can't be blank.", "BLANK");
  const typeName = definition["type"] as string;
  if (!METAFIELD_TYPES[typeName])
    return fail("type", `Type name ${typeName} is not a valid type.`, "INCLUSION");
  const ownerType = definition["ownerType"] as string;
  if (findDefinition(ctx, ownerType, namespace, key)) {
    return fail(
      "key",
      `Key is in use for ${ownerType.toLowerCase()} metafields on the '${namespace}' namespace.`,
      "TAKEN",
    );
  }
  const numericId = ctx.store.nextNumericId();
  const created: MetafieldDefinitionRecord = {
    __typename: "MetafieldDefinition",
    id: gid("MetafieldDefinition", numericId),
    name,
    namespace,
    key,
    ownerType,
    typeName,
    description: (definition["description"] as string | null | undefined) ?? null,
    pinnedPosition: definition["pin"]
      ? [...ctx.store.metafieldDefinitions.values()].filter((d) => d.pinnedPosition !== null).length + 1
      : null,
    createdAt: ctx.store.now().toISOString(),
  };
  ctx.store.metafieldDefinitions.set(created.id, created);
  return { createdDefinition: created, userErrors: [] };
}

/** `metafieldsSet` (≤ 25, atomic, `$app` namespaces) and `metafieldDefinitionCreate`. */
export const metafieldMutationResolvers: ResolverMap = {
  Mutation: {
    metafieldsSet: (_s, args, ctx) => metafieldsSet(ctx, args["metafields"] as Record<string, unknown>[]),
    metafieldDefinitionCreate: (_s, args, ctx) =>
      metafieldDefinitionCreate(ctx, args["definition"] as Record<string, unknown>),
  },
};
