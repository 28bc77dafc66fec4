import type { PolicyDocument, PolicyStatement } from './types.js';

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

function principals(p: unknown): string[] {
  if (p === undefined) return [];
  if (p === '*') return ['*'];
  if (typeof p === 'object' && p !== null) {
    return Object.entries(p as Record<string, unknown>).flatMap(([type, values]) => list(values).map((v) => (v === '*' ? '*' : `${type}:${v}`)));
  }
  return [String(p)];
}

/**
 * Parse an IAM or resource policy as AWS returns it: a JSON string, URL-encoded
 * in IAM's GetAccountAuthorizationDetails, or already an object. Throws on
 * text that is not a policy (the caller decides what that means).
 */
export function parsePolicy(raw: unknown): PolicyDocument {
  let doc: unknown = raw;
  if (typeof raw === 'string') {
    const text = raw.trimStart().startsWith('%') || !raw.trimStart().startsWith('{') ? decodeURIComponent(raw) : raw;
    doc = JSON.parse(text);
  }
  const statements = (doc as { Statement?: unknown }).Statement;
  return {
    statements: (Array.isArray(statements) ? statements : statements === undefined ? [] : [statements]).map((s): PolicyStatement => {
      const st = s as Record<string, unknown>;
      return {
        effect: st['Effect'] === 'Deny' ? 'Deny' : 'Allow',
        actions: list(st['Action']),
        notActions: list(st['NotAction']),
        resources: list(st['Resource']),
        notResources: list(st['NotResource']),
        principals: principals(st['Principal']),
        hasCondition: st['Condition'] !== undefined && Object.keys(st['Condition'] as object).length > 0,
        conditions: Object.fromEntries(
          Object.entries((st['Condition'] ?? {}) as Record<string, Record<string, unknown>>).map(([op, kv]) => [
            op,
            Object.fromEntries(Object.entries(kv ?? {}).map(([k, v]) => [k, list(v)])),
          ]),
        ),
      };
    }),
  };
}

/** Allow statements open to everyone: principal `*` or `AWS:*`, and no condition narrowing it. */
export function publicAllowStatements(doc: PolicyDocument): PolicyStatement[] {
  return doc.statements.filter((s) => s.effect === 'Allow' && !s.hasCondition && s.principals.some((p) => p === '*' || p === 'AWS:*'));
}

/**
 * True when a Deny statement refuses requests made without TLS
 * (`"Condition": {"Bool": {"aws:SecureTransport": "false"}}`).
 */
export function deniesInsecureTransport(doc: PolicyDocument): boolean {
  return doc.statements.some(
    (s) =>
      s.effect === 'Deny' &&
      Object.entries(s.conditions).some(
        ([op, kv]) =>
          /^Bool(IfExists)?$/.test(op) &&
          Object.entries(kv).some(([k, values]) => k.toLowerCase() === 'aws:securetransport' && values.some((v) => v.toLowerCase() === 'false')),
      ),
  );
}
