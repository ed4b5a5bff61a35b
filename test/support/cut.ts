/**
 * Cuts text or bytes into chunks of the given sizes (cycled), anywhere: inside CRLF pairs,
 * surrogate pairs, multi-byte characters and markers, as a stream may deliver them.
 */
export function cut<T extends string | Uint8Array>(value: T, sizes: readonly number[]): T[] {
  const chunks: T[] = [];
  for (let at = 0, k = 0; at < value.length; k++) {
    const n = sizes[k % sizes.length] as number;
    chunks.push((typeof value === 'string' ? value.slice(at, at + n) : value.subarray(at, at + n)) as T);
    at += n;
  }
  return chunks;
}
