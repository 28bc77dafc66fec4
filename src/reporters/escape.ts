/** Escaping for HTML and inline SVG (XML): names, messages and evidence come from the AWS account or the user's files. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values, escaped (the five XML entities, so the same text is safe in HTML and in SVG). */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
