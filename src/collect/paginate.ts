const TOKENS = new Set(['NextToken', 'nextToken', 'Marker', 'NextMarker', 'ContinuationToken', 'IsTruncated', 'Truncated', 'position', '$metadata']);

/**
 * De-paginate: one response whose list members hold every page's items, as
 * `aws ... --output json` prints it. Token fields are dropped.
 */
export async function allPages<T extends object>(pages: AsyncIterable<T>): Promise<T> {
  const merged: Record<string, unknown> = {};
  for await (const page of pages) {
    for (const [k, v] of Object.entries(page)) {
      if (TOKENS.has(k)) continue;
      // Appended in place: copying the list per page would be quadratic in pages.
      if (Array.isArray(v)) {
        const list = merged[k];
        if (Array.isArray(list)) for (const item of v as unknown[]) list.push(item);
        else merged[k] = [...(v as unknown[])];
      }
      else if (!(k in merged)) merged[k] = v;
    }
  }
  return merged as T;
}
