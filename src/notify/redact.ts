// Webhook addresses and passwords are secrets: whoever holds a robot's address can post to the
// group. Every message that may reach a log, the reminder log or an API answer passes through here.

const MASK = '••••';

/** The text with every secret (and its URL-encoded form, and a webhook's token part) replaced by ••••. */
export function redact(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let out = text;
  const parts = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    parts.add(secret);
    parts.add(encodeURIComponent(secret));
    // The token inside a webhook address is the secret part; a message may quote it alone.
    try {
      const url = new URL(secret);
      for (const value of url.searchParams.values()) if (value.length >= 4) parts.add(value);
    } catch {
      // Not a URL: the whole value is the secret.
    }
  }
  // Longest first, so a URL is masked whole before its token is.
  for (const part of [...parts].sort((a, b) => b.length - a.length)) out = out.split(part).join(MASK);
  return out;
}

/** A failure as one line of Chinese-readable text, secrets removed. */
export function describeFailure(error: unknown, secrets: ReadonlyArray<string | null | undefined>): string {
  const text = error instanceof Error ? error.message : String(error);
  return redact(text, secrets).slice(0, 500);
}
