/**
 * A small loopback AWS for what only the real SDK stack can show: SigV4
 * signing, retries and throttling, and each wire protocol once (ec2Query,
 * awsQuery, awsJson 1.0 and 1.1, restJson, restXml). A test gives it the
 * answers of the few operations it serves, already in wire format; every
 * other service of a test is served by aws-sdk-client-mock from the modules'
 * fakes (test/helpers/mock-account.ts).
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server sends back: status, content type and body. */
export interface Reply {
  status?: number;
  contentType?: string;
  body: string;
}

/** `service:Operation` -> a reply, or a function of the request parameters. */
export type Routes = Record<string, Reply | ((params: Record<string, string>) => Reply)>;

export interface Recorded {
  key: string;
  params: Record<string, string>;
  status: number;
  /** The SigV4 signature recomputed with the secret key matched. */
  signatureValid: boolean;
  signingService?: string;
  signingRegion?: string;
  sessionToken: boolean;
}

export interface Loopback {
  url: string;
  readonly requests: Recorded[];
  /** Answer the next `times` requests of `key` with `reply` instead (throttling, a 500 page), then as routed. */
  failNext(key: string, times: number, reply: Reply): void;
  /** Answer every `n`th request (counted over all operations) with its protocol's throttling error. */
  throttleEvery(n: number): void;
  /** Requests answered by throttleEvery. */
  readonly throttled: number;
  count(key: string): number;
  close(): Promise<void>;
}

// --- wire formats ----------------------------------------------------------

/** An EC2 query answer: `<XResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">`. */
export const ec2Xml = (operation: string, inner: string): Reply => ({
  contentType: 'text/xml;charset=UTF-8',
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>00000000-0000-4000-8000-000000000001</requestId>${inner}</${operation}Response>`,
});

/** An awsQuery answer (IAM, STS): `<XResponse><XResult>...</XResult><ResponseMetadata/></XResponse>`. */
export const queryXml = (namespace: string, operation: string, inner: string): Reply => ({
  contentType: 'text/xml',
  body: `<${operation}Response xmlns="${namespace}"><${operation}Result>${inner}</${operation}Result><ResponseMetadata><RequestId>00000000-0000-4000-8000-000000000002</RequestId></ResponseMetadata></${operation}Response>`,
});

export const json = (body: unknown, version: '1.0' | '1.1' = '1.1'): Reply => ({ contentType: `application/x-amz-json-${version}`, body: JSON.stringify(body) });
export const restJson = (body: unknown): Reply => ({ contentType: 'application/json', body: JSON.stringify(body) });
export const restXml = (body: string): Reply => ({ contentType: 'application/xml', body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}` });

/** A JSON-protocol error (KMS, CloudTrail, CloudWatch, GuardDuty). */
export const jsonError = (status: number, type: string, message: string): Reply => ({
  status,
  contentType: 'application/x-amz-json-1.1',
  body: JSON.stringify({ __type: type, message }),
});

/** A query-protocol error (EC2 style). */
export const ec2Error = (status: number, code: string, message: string): Reply => ({
  status,
  contentType: 'text/xml',
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>req-1</RequestID></Response>`,
});

/** What a load balancer in front of a failing service sends: an HTML page. */
export const htmlPage = (status = 500): Reply => ({
  status,
  contentType: 'text/html',
  body: '<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>upstream timed out</p></body></html>',
});

/** The throttling error each protocol sends, as the SDK's retry classifies it. */
export function throttling(key: string): Reply {
  const service = key.split(':')[0];
  if (service === 'ec2') return ec2Error(503, 'RequestLimitExceeded', 'Request limit exceeded.');
  if (service === 'iam' || service === 'sts' || service === 'cloudfront') {
    return { status: 400, contentType: 'text/xml', body: '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>' };
  }
  if (service === 'guardduty') return { status: 429, contentType: 'application/json', body: JSON.stringify({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }) };
  return jsonError(400, 'ThrottlingException', 'Rate exceeded');
}

// --- routing ---------------------------------------------------------------

const QUERY_VERSIONS: Record<string, string> = { '2016-11-15': 'ec2', '2010-05-08': 'iam', '2011-06-15': 'sts' };
const JSON_TARGETS: [string, string][] = [
  ['TrentService.', 'kms'],
  ['CloudTrail_20131101.', 'cloudtrail'],
  ['com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.', 'cloudtrail'],
  ['GraniteServiceVersion20100801.', 'cloudwatch'],
  ['Logs_20140328.', 'logs'],
];

function route(req: IncomingMessage, body: string): { key: string; params: Record<string, string> } {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const type = String(req.headers['content-type'] ?? '');
  const target = req.headers['x-amz-target'];
  if (req.method === 'POST' && type.startsWith('application/x-www-form-urlencoded')) {
    const params = Object.fromEntries(new URLSearchParams(body));
    return { key: `${QUERY_VERSIONS[params['Version'] ?? ''] ?? 'unknown'}:${params['Action'] ?? ''}`, params };
  }
  if (typeof target === 'string') {
    const [prefix, service] = JSON_TARGETS.find(([p]) => target.startsWith(p)) ?? ['', 'unknown'];
    const params = body ? (Object.fromEntries(Object.entries(JSON.parse(body) as object).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])) as Record<string, string>) : {};
    return { key: `${service}:${target.slice(prefix.length)}`, params };
  }
  const params = Object.fromEntries(url.searchParams);
  let m: RegExpExecArray | null;
  if (url.pathname === '/detector') return { key: 'guardduty:ListDetectors', params };
  if ((m = /^\/detector\/([^/]+)$/.exec(url.pathname))) return { key: 'guardduty:GetDetector', params: { ...params, detectorId: decodeURIComponent(m[1]!) } };
  if ((m = /^\/detector\/([^/]+)\/administrator$/.exec(url.pathname))) return { key: 'guardduty:GetAdministratorAccount', params: { ...params, detectorId: decodeURIComponent(m[1]!) } };
  if ((m = /^\/detector\/([^/]+)\/member$/.exec(url.pathname))) return { key: 'guardduty:ListMembers', params: { ...params, detectorId: decodeURIComponent(m[1]!) } };
  if (url.pathname === '/2020-05-31/distribution') return { key: 'cloudfront:ListDistributions', params };
  return { key: `unknown:${req.method} ${url.pathname}`, params };
}

// --- SigV4, recomputed independently of the SDK's signer --------------------

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function signature(req: IncomingMessage, body: string, secret: string): { valid: boolean; service?: string; region?: string } {
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(String(req.headers['authorization'] ?? ''));
  if (!m) return { valid: false };
  const [, , date, region, service, signed, sig] = m as unknown as string[];
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const uri = url.pathname.split('/').map((s) => rfc3986(rfc3986(decodeURIComponent(s)))).join('/');
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const header = (name: string) => {
    const v = req.headers[name];
    return (Array.isArray(v) ? v.join(',') : (v ?? '')).trim().replace(/\s+/g, ' ');
  };
  const names = signed!.split(';');
  const canonical = [req.method, uri, query, names.map((h) => `${h}:${header(h)}\n`).join(''), names.join(';'), header('x-amz-content-sha256') || sha256(body)].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', header('x-amz-date'), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date!), region!), service!), 'aws4_request');
  return { valid: createHmac('sha256', key).update(toSign).digest('hex') === sig, service: service!, region: region! };
}

export async function startLoopback(routes: Routes, secretAccessKey: string): Promise<Loopback> {
  const requests: Recorded[] = [];
  const failures = new Map<string, { times: number; reply: Reply }>();
  let every = 0;
  let seen = 0;
  let throttled = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const { key, params } = route(req, body);
      const failing = failures.get(key);
      let reply: Reply;
      if (failing && failing.times > 0) {
        failing.times--;
        reply = failing.reply;
      } else if (every > 0 && ++seen % every === 0) {
        throttled++;
        reply = throttling(key);
      } else {
        const r = routes[key];
        reply = r === undefined ? jsonError(400, 'UnknownOperationException', `the loopback does not serve ${key}`) : typeof r === 'function' ? r(params) : r;
      }
      const sig = signature(req, body, secretAccessKey);
      const rec: Recorded = { key, params, status: reply.status ?? 200, signatureValid: sig.valid, sessionToken: req.headers['x-amz-security-token'] !== undefined };
      if (sig.service) rec.signingService = sig.service;
      if (sig.region) rec.signingRegion = sig.region;
      requests.push(rec);
      res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json', 'x-amzn-requestid': 'loopback' });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (key, times, reply) => failures.set(key, { times, reply }),
    throttleEvery: (n) => {
      every = n;
    },
    get throttled() {
      return throttled;
    },
    count: (key) => requests.filter((r) => r.key === key).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
