import { z } from 'zod';

/**
 * A `.CHECKSUM` file: one `sha256sum` line, `<64 hex>  <file name>` (two
 * spaces, or " *" for binary mode), optionally newline-terminated.
 */
const checksumSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64} [ *]\S+$/, 'is not a sha256sum line ("<64 hex digits>  <file name>")')
  .transform((line) => ({ sha256: line.slice(0, 64).toLowerCase(), fileName: line.slice(66) }));

/** The SHA-256 a CHECKSUM file gives for `fileName`, or why it cannot be trusted. */
export function parseChecksum(text: string, fileName: string): { sha256: string } | { error: string } {
  const parsed = checksumSchema.safeParse(text);
  if (!parsed.success) return { error: `${fileName}.CHECKSUM ${parsed.error.issues[0]?.message ?? 'is invalid'}` };
  if (parsed.data.fileName !== fileName) return { error: `${fileName}.CHECKSUM names "${parsed.data.fileName}", not ${fileName}` };
  return { sha256: parsed.data.sha256 };
}
