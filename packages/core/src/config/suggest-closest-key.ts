/**
 * The known key closest to a misspelt one (`regoin` → `region`), or undefined when none is close enough
 * to be a likely typo. Distance is Damerau–Levenshtein (a swap of two neighbours counts as one edit),
 * compared case-insensitively; at most a third of the key's length may differ.
 * @public
 */
export function suggestClosestKey(key: string, knownKeys: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(key.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const known of knownKeys) {
    const distance = measureEditDistance(key.toLowerCase(), known.toLowerCase());
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return best;
}

/** A `; did you mean "region"?` suffix for a message, or an empty string. @public */
export function formatSuggestion(key: string, knownKeys: Iterable<string>): string {
  const suggestion = suggestClosestKey(key, knownKeys);
  return suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function measureEditDistance(from: string, to: string): number {
  const rows: number[][] = Array.from({ length: from.length + 1 }, (_, row) =>
    Array.from({ length: to.length + 1 }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)),
  );
  for (let row = 1; row <= from.length; row += 1) {
    for (let column = 1; column <= to.length; column += 1) {
      const cost = from[row - 1] === to[column - 1] ? 0 : 1;
      const current = rows[row] as number[];
      const previous = rows[row - 1] as number[];
      let distance = Math.min(
        (previous[column] as number) + 1,
        (current[column - 1] as number) + 1,
        (previous[column - 1] as number) + cost,
      );
      if (row > 1 && column > 1 && from[row - 1] === to[column - 2] && from[row - 2] === to[column - 1]) {
        distance = Math.min(distance, ((rows[row - 2] as number[])[column - 2] as number) + 1);
      }
      current[column] = distance;
    }
  }
  return (rows[from.length] as number[])[to.length] as number;
}
