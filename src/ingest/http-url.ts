// Checks an address a catalogue or a saved web page gives for a document's official source.
// Only absolute http(s) URLs are kept: a citation must never carry javascript: or a relative path.

/** The URL in its normalised form, or null when it is not an absolute http or https address. */
export function httpUrl(raw: string): string | null {
  if (raw.length === 0 || raw.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
