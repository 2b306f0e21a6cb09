import { env, EnvError } from "~/config/env.server";
import { db } from "~/db.server";
import { RotationError, rotateSourceCredentials } from "~/services/secret-rotation.server";

// `npm run secrets:rotate`: after setting a new PULSE_ENCRYPTION_KEY and moving the old one to
// PULSE_ENCRYPTION_KEY_PREVIOUS, re-encrypts every stored connector credential with the new key.
// Safe to run again; prints counts and source ids only, never a secret.

try {
  const config = env();
  if (!config.encryptionKey && config.nodeEnv !== "test")
    console.warn("pulse: PULSE_ENCRYPTION_KEY is not set; rotating to the development-only key.");
  const report = await rotateSourceCredentials();
  console.info(
    `pulse: ${report.rotated} of ${report.checked} source credential(s) re-encrypted with key ${report.currentKeyId}; ${report.alreadyCurrent} already used it.`,
  );
  if (config.previousCredentialsKey)
    console.info(
      "pulse: every credential now uses the current key; PULSE_ENCRYPTION_KEY_PREVIOUS can be removed.",
    );
} catch (error) {
  if (error instanceof RotationError) {
    console.error(`pulse: ${error.message}`);
    for (const failure of error.failures)
      console.error(`  - source ${failure.sourceId} (key ${failure.keyId ?? "unknown"}): ${failure.message}`);
  } else if (error instanceof EnvError) {
    console.error(error.message);
  } else {
    console.error(`pulse: the rotation failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
} finally {
  await db().$disconnect();
}
