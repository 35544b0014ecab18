/** Small helpers for the element's media API. */

/** A TimeRanges, as media elements return for `seekable` and `buffered`. */
export function timeRanges(ranges: [number, number][]): TimeRanges {
  const at = (i: number) => {
    if (i < 0 || i >= ranges.length) throw new DOMException('Index out of range', 'IndexSizeError');
    return ranges[i];
  };
  return { length: ranges.length, start: (i) => at(i)[0], end: (i) => at(i)[1] };
}

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
