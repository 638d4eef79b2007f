// File names and paths as they may be printed: a corpus maintainer (or an attacker) can name a
// file with an escape sequence, a newline or a right-to-left override, and the name reaches the
// terminal through `npm run index`, the server log and every error message that names the file.
// This is the one helper for that; corpus text has its own (src/cli/format.ts, printable).

/**
 * Control characters (C0 with tab and newline, DEL, C1) and the bidirectional overrides and
 * isolates that reorder what a terminal shows: a newline in a name could forge a report line,
 * an escape sequence could recolour or clear the screen, U+202E could make evil.txt read as
 * txt.live.
 */
const UNPRINTABLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** The name with each unprintable character shown as U+FFFD; everything else is kept. */
export function printableName(name: string): string {
  return name.replace(UNPRINTABLE, '\uFFFD');
}
