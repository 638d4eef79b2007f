// Typed arrays reused from one query to the next. Allocating a typed array of tens of thousands
// of elements costs tens of microseconds in V8 (a backing store outside the heap, zeroed and
// accounted for): ranking a common character at ×70 made six of them, 0.6 ms of its 2 ms.
// A query runs synchronously from start to end, so a buffer is free again when the next asks.

type Kind = 'f64' | 'u8';
type ArrayOf<K extends Kind> = K extends 'f64' ? Float64Array : Uint8Array;

const buffers = new Map<string, Float64Array | Uint8Array>();
let positions = new Int32Array(0);

/**
 * An array of at least `length` integers holding whatever earlier queries left there, for
 * maps whose users check each entry they read (zeroing 40,000 entries a query costs more).
 */
export function positionsOf(length: number): Int32Array {
  if (positions.length < length) positions = new Int32Array(length);
  return positions;
}

/** A zero-filled array of `length`, named by its one user: no two live arrays share a name. */
export function scratchArray<K extends Kind>(name: string, kind: K, length: number): ArrayOf<K> {
  let buffer = buffers.get(name);
  if (!buffer || buffer.length < length) {
    const size = Math.max(length, (buffer?.length ?? 0) * 2, 64);
    buffer = kind === 'f64' ? new Float64Array(size) : new Uint8Array(size);
    buffers.set(name, buffer);
  } else buffer.fill(0, 0, length);
  return buffer.subarray(0, length) as ArrayOf<K>;
}
