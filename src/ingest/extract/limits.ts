// Limits on extracting one source file. Each default lives here; the loader takes overrides
// (tests use small ones to show a limit firing).

export interface ExtractLimits {
  /** Files larger than this are refused before anything reads them. */
  maxBytes: number;
  /** Wall time for one file's extraction. */
  timeoutMs: number;
  /** Heap for the PDF worker: a file that needs more is too large. */
  maxHeapMb: number;
}

export const EXTRACT_DEFAULTS: ExtractLimits = {
  maxBytes: 200 * 1024 * 1024,
  timeoutMs: 120_000,
  maxHeapMb: 1536,
};
