/** Declares one app-owned metafield definition (so themes and Flow can use the value). */
export const METAFIELD_DEFINITION_CREATE = `#graphql
  mutation MetafieldDefinitionCreate($definition: MetafieldDefinitionInput!) {
    metafieldDefinitionCreate(definition: $definition) {
      createdDefinition {
        id
        namespace
        key
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

/** Sets up to 25 metafields atomically. */
export const METAFIELDS_SET = `#graphql
  mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
        namespace
        key
        value
        updatedAt
      }
      userErrors {
        field
        message
        code
        elementIndex
      }
    }
  }
` as const;
