/**
 * Reusable number arrays for the summary path's loops: a typed array costs far more to allocate
 * than to fill, and a summary runs thousands of times a second. Each user owns its own scratch;
 * nothing in the summary path runs two of them at once (it is synchronous and never re-entered).
 */
export class Scratch {
  private array = new Float64Array(64);

  /** At least `size` numbers, their contents left from the last use. */
  take(size: number): Float64Array {
    if (this.array.length < size) this.array = new Float64Array(Math.max(size, this.array.length * 2));
    return this.array;
  }

  /** At least `size` numbers, the first `size` of them zero. */
  zeroed(size: number): Float64Array {
    return this.take(size).fill(0, 0, size);
  }
}
