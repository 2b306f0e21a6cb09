/**
 * Starting and polling bulk operations. Shopify runs the query in the background and writes the
 * result as JSONL at `url` (one line per object; nested connections become lines with `__parentId`).
 * Completion arrives through the `bulk_operations/finish` webhook; BulkOperationStatus is the fallback.
 */
export const BULK_OPERATION_RUN_QUERY = `#graphql
  mutation BulkOperationRunQuery($query: String!, $groupObjects: Boolean) {
    bulkOperationRunQuery(query: $query, groupObjects: $groupObjects) {
      bulkOperation {
        id
        status
        createdAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;

/** The state of one bulk operation by id (the webhook carries the id but not the result url). */
export const BULK_OPERATION_STATUS = `#graphql
  query BulkOperationStatus($id: ID!) {
    node(id: $id) {
      ... on BulkOperation {
        id
        status
        errorCode
        objectCount
        rootObjectCount
        fileSize
        url
        partialDataUrl
        completedAt
      }
    }
  }
` as const;
