/** Collects one human sentence per kind of repair, with counts, for `report.warnings`. */
export class Notes {
  private readonly counts = new Map<string, { count: number; say: (n: number) => string }>();
  private readonly fixed: string[] = [];

  /** Counts an occurrence of a repair; `say` builds the sentence from the final count. */
  count(kind: string, say: (n: number) => string, n = 1): void {
    const entry = this.counts.get(kind);
    if (entry) entry.count += n;
    else this.counts.set(kind, { count: n, say });
  }

  /** Adds a sentence as it is. */
  add(sentence: string): void {
    this.fixed.push(sentence);
  }

  list(): string[] {
    return [...this.fixed, ...[...this.counts.values()].map(({ count, say }) => say(count))];
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "was" or "were", to agree with a count. */
export function were(n: number): string {
  return n === 1 ? 'was' : 'were';
}
