import { Banner, BlockStack, List, Modal, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

/**
 * A modal holding an edit form: Enter in a field submits like the primary button does, and the
 * errors that belong to no field of the form are listed in a banner above the fields.
 */
export function FormModal({
  title,
  submitLabel,
  cancelLabel,
  submitting,
  onSubmit,
  onClose,
  errorsTitle,
  otherErrors,
  children,
}: {
  title: string;
  submitLabel: string;
  cancelLabel: string;
  submitting: boolean;
  onSubmit: () => void;
  onClose: () => void;
  errorsTitle: string;
  /** Errors as [key, message], keys not shown next to a field. */
  otherErrors: ReadonlyArray<readonly [string, string]>;
  /** The form's fields. */
  children: ReactNode;
}) {
  return (
    <Modal
      open
      title={title}
      onClose={onClose}
      primaryAction={{ content: submitLabel, onAction: onSubmit, loading: submitting }}
      secondaryActions={[{ content: cancelLabel, onAction: onClose }]}
    >
      <Modal.Section>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          <BlockStack gap="300">
            {otherErrors.length > 0 ? (
              <Banner tone="critical" title={errorsTitle}>
                <List type="bullet">
                  {otherErrors.map(([key, message]) => (
                    <List.Item key={key}>{message}</List.Item>
                  ))}
                </List>
              </Banner>
            ) : null}
            {children}
          </BlockStack>
        </form>
      </Modal.Section>
    </Modal>
  );
}

/** A modal asking to confirm a deletion: a destructive primary button and a cancel button. */
export function ConfirmDeleteModal({
  title,
  body,
  confirmLabel,
  cancelLabel,
  deleting,
  onConfirm,
  onClose,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  /** True while the deletion runs: the primary button shows a spinner. */
  deleting: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal
      open
      title={title}
      onClose={onClose}
      primaryAction={{ content: confirmLabel, destructive: true, loading: deleting, onAction: onConfirm }}
      secondaryActions={[{ content: cancelLabel, onAction: onClose }]}
    >
      <Modal.Section>
        <Text as="p">{body}</Text>
      </Modal.Section>
    </Modal>
  );
}
