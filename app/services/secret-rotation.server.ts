import {
  defaultKeyring,
  envelopeKeyId,
  reencryptSecret,
  type SecretKeyring,
} from "~/integrations/sources/secrets.server";
import { findSourcesWithCredentials, replaceSourceCredentials } from "~/models/sources.server";

export interface RotationReport {
  /** Sources with stored credentials. */
  checked: number;
  /** Re-encrypted with the current key by this run. */
  rotated: number;
  /** Already on the current key (a second run rotates nothing). */
  alreadyCurrent: number;
  currentKeyId: string;
}

/** Some credentials could not be decrypted with any configured key; nothing was written. */
export class RotationError extends Error {
  readonly name = "RotationError";
  constructor(
    message: string,
    readonly failures: { sourceId: string; keyId: string | null; message: string }[],
  ) {
    super(message);
  }
}

/**
 * Re-encrypts every source's credentials with the current key (PULSE_ENCRYPTION_KEY), decrypting
 * with the current or previous key. All or nothing: when any value cannot be decrypted, nothing is
 * written and the error lists the sources (never their secrets); otherwise every change is written
 * in one transaction. Idempotent: values already on the current key are left as they are.
 */
export async function rotateSourceCredentials(
  keyring: SecretKeyring = defaultKeyring(),
): Promise<RotationReport> {
  const updates: { id: string; from: string; to: string }[] = [];
  const failures: RotationError["failures"] = [];
  let checked = 0;
  let afterId: string | null = null;
  for (;;) {
    const page = await findSourcesWithCredentials(afterId, 500);
    for (const source of page) {
      checked++;
      const stored = source.credentialsEncrypted!;
      try {
        const rotated = reencryptSecret(stored, `source:${source.id}`, keyring);
        if (rotated) updates.push({ id: source.id, from: stored, to: rotated });
      } catch (error) {
        failures.push({
          sourceId: source.id,
          keyId: envelopeKeyId(stored),
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (page.length < 500) break;
    afterId = page[page.length - 1]!.id;
  }
  if (failures.length > 0)
    throw new RotationError(
      `${failures.length} source(s) have credentials that no configured key decrypts; nothing was re-encrypted. Set PULSE_ENCRYPTION_KEY_PREVIOUS to the key they were saved with and run again, or reconnect those sources.`,
      failures,
    );
  const rotated = await replaceSourceCredentials(updates);
  return { checked, rotated, alreadyCurrent: checked - updates.length, currentKeyId: keyring.current.id };
}
