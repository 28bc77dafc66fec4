import type { PolicyDocument, PolicyStatement } from './base.js';

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

// --- Admin and wildcard grants (docs/checks.md, "Identity, data, logging ...") ---

/** True for the ARN of the AWS managed policy `name` (e.g. `AdministratorAccess`), in any partition. */
export function isAwsManagedPolicyArn(arn: string, name: string): boolean {
  const prefix = /^arn:[^:]+:iam::aws:policy\//.exec(arn);
  return prefix !== null && arn.slice(prefix[0].length) === name;
}

/** The AWS managed `AdministratorAccess` policy (its document is never collected). */
export function isAdministratorAccessArn(arn: string): boolean {
  return isAwsManagedPolicyArn(arn, 'AdministratorAccess');
}

/** `*` or `*:*`: every action of every service. */
function isAllActions(action: string): boolean {
  return action === '*' || action === '*:*';
}

/**
 * An admin statement: Allow, an action `*` (or `*:*`), resource `*`, and no
 * condition. NotAction / NotResource statements are not admin by this
 * definition (they name what is excluded, not everything).
 */
export function isAdminStatement(s: PolicyStatement): boolean {
  return s.effect === 'Allow' && !s.hasCondition && s.actions.some(isAllActions) && s.resources.includes('*');
}

/** True when some statement of the document is an admin statement. */
export function isAdminDocument(doc: PolicyDocument): boolean {
  return doc.statements.some(isAdminStatement);
}

/**
 * The services among `services` on which the statement grants `*`: an Allow
 * whose resource is `*` and with an action `*`, `*:*` or `<service>:*` (any
 * case). Conditions do not narrow this. `services` must be lower case; the
 * result has one entry per matching (action, service) pair, in action order.
 */
export function wildcardGrants(s: PolicyStatement, services: readonly string[]): { service: string; action: string }[] {
  if (s.effect !== 'Allow' || !s.resources.includes('*')) return [];
  const wanted = new Set(services);
  const out: { service: string; action: string }[] = [];
  for (const action of s.actions) {
    if (isAllActions(action)) {
      for (const service of services) out.push({ service, action });
      continue;
    }
    const lower = action.toLowerCase();
    if (!lower.endsWith(':*')) continue;
    const service = lower.slice(0, -2);
    if (wanted.has(service)) out.push({ service, action });
  }
  return out;
}

/** True when the statement grants `*` on `service` (see wildcardGrants). */
export function grantsWildcardOn(s: PolicyStatement, service: string): boolean {
  return wildcardGrants(s, [service.toLowerCase()]).length > 0;
}

// --- Resource policies open to everyone (Lambda, ECR; docs/checks.md) ---

/**
 * Condition keys that never narrow who may call: a statement conditioned only
 * on them is as open as one with no condition. `lambda:FunctionUrlAuthType`
 * NONE is how a public, unauthenticated function URL is granted.
 */
const NON_RESTRICTING_CONDITION_KEYS = new Set(['lambda:functionurlauthtype']);

/**
 * Allow statements any AWS account or anonymous caller can use: principal `*`
 * or `AWS:*`, and no condition other than keys that do not narrow the caller
 * (a condition on aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID,
 * aws:SourceIp, ... counts as narrowing it).
 */
export function openToEveryoneStatements(doc: PolicyDocument): PolicyStatement[] {
  return doc.statements.filter(
    (s) =>
      s.effect === 'Allow' &&
      s.principals.some((p) => p === '*' || p === 'AWS:*') &&
      Object.values(s.conditions).every((kv) => Object.keys(kv).every((k) => NON_RESTRICTING_CONDITION_KEYS.has(k.toLowerCase()))),
  );
}
