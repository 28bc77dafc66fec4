import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import check from '../../src/checks/ec2-nacl-no-public-admin-ports.js';
import type { Status } from '../../src/checks/types.js';
import type { NetworkAcl, NetworkAclEntry } from '../../src/inventory/types.js';
import { nacl, naclEntry, REGION, runCheck, type InventoryInput } from '../helpers/check-harness.js';

type Params = typeof check.defaults;
type Expected = { status: Status; id: string; evidence?: unknown };
type Case = { name: string; input: InventoryInput; params?: Partial<Params>; expected: Expected[] };

/** The evidence of a call the harness marks as denied. */
const denied = (op: string, resource?: string) => ({
  call: op,
  region: REGION,
  code: 'AccessDenied',
  message: `User is not authorized to perform: ${op}`,
  requiredPermission: op,
  ...(resource === undefined ? {} : { resource }),
});

/** A case about one network ACL. */
const one = (name: string, acl: NetworkAcl, status: Status, evidence?: unknown, params?: Partial<Params>): Case => ({
  name,
  input: { networkAcls: [acl] },
  ...(params ? { params } : {}),
  expected: [{ status, id: acl.id, ...(evidence === undefined ? {} : { evidence }) }],
});

/** An entry of the evidence: the port, and the entry that allows it. */
const open = (port: number, ruleNumber: number, cidr: string, protocol: string, ports: string) => ({ port, ruleNumber, cidr, protocol, ports });

const allow = (n: number, protocol: string, cidr: string, ports?: [number, number]) => naclEntry(n, 'allow', protocol, cidr, ports);
const deny = (n: number, protocol: string, cidr: string, ports?: [number, number]) => naclEntry(n, 'deny', protocol, cidr, ports);

/** The final `*` entries AWS returns with every NACL (rule 32767). */
const implicitDeny = [
  naclEntry(32767, 'deny', '-1', '0.0.0.0/0'),
  naclEntry(32767, 'deny', '-1', '::/0'),
  naclEntry(32767, 'deny', '-1', '0.0.0.0/0', undefined, true),
  naclEntry(32767, 'deny', '-1', '::/0', undefined, true),
];
/** A NACL of `entries` followed by the implicit final deny. */
const closing = (...entries: NetworkAclEntry[]): NetworkAcl => nacl([...entries, ...implicitDeny]);
/** What AWS puts in a default NACL: allow everything, both families, both directions. */
const awsDefault = [
  naclEntry(100, 'allow', '-1', '0.0.0.0/0'),
  naclEntry(101, 'allow', '-1', '::/0'),
  naclEntry(100, 'allow', '-1', '0.0.0.0/0', undefined, true),
  naclEntry(101, 'allow', '-1', '::/0', undefined, true),
  ...implicitDeny,
];
const hardened = nacl([deny(50, '6', '0.0.0.0/0', [22, 22]), deny(51, '6', '0.0.0.0/0', [3389, 3389]), deny(52, '-1', '::/0'), ...awsDefault]);
const unattached = nacl(awsDefault, []);

const cases: Case[] = [
  // pass
  one('only the implicit final deny', nacl(implicitDeny), 'pass', {}),
  one('no entries at all', nacl([]), 'pass'),
  one('lower-numbered denies from anywhere shadow the allow-all', hardened, 'pass'),
  one('a deny of all protocols shadows later allows', nacl([deny(10, '-1', '0.0.0.0/0'), deny(11, '-1', '::/0'), ...awsDefault]), 'pass'),
  one('ssh allowed only from a private range', closing(allow(100, '6', '10.0.0.0/8', [22, 22])), 'pass'),
  one('https allowed from anywhere', closing(allow(100, '6', '0.0.0.0/0', [443, 443]), allow(101, '6', '::/0', [443, 443])), 'pass'),
  one('icmp (1, 58) from anywhere covers no port', closing(allow(100, '1', '0.0.0.0/0'), allow(101, '58', '::/0')), 'pass'),
  one('egress allow to anywhere is not inbound', closing(naclEntry(100, 'allow', '6', '0.0.0.0/0', [22, 22], true)), 'pass'),
  one('range that stops short of 22 and 3389', closing(allow(100, '6', '0.0.0.0/0', [23, 3388])), 'pass'),
  one('a broad allow shadowed by a lower-numbered deny from anywhere', closing(deny(50, '6', '0.0.0.0/0', [22, 22]), allow(100, '6', '0.0.0.0/1', [22, 22])), 'pass', undefined, { ports: [22] }),
  one('a broad allow wholly inside a lower-numbered broader deny', closing(deny(50, '-1', '0.0.0.0/1'), allow(100, '6', '64.0.0.0/2', [22, 22])), 'pass', undefined, { ports: [22] }),
  one('a broad allow after a /0 deny for the port', closing(deny(50, '6', '0.0.0.0/0', [22, 22]), allow(100, '6', '128.0.0.0/1', [22, 22])), 'pass', undefined, { ports: [22] }),
  one('ssh from a public /8 is not broader than /8', closing(allow(100, '6', '3.0.0.0/8', [22, 22])), 'pass'),
  one('ssh from CGNAT and link-local ranges', closing(allow(100, '6', '100.64.0.0/10', [22, 22]), allow(101, '6', '169.254.0.0/16', [22, 22])), 'pass', undefined, { broaderThan: 24 }),
  one('ports param narrows', closing(allow(100, '6', '0.0.0.0/0', [22, 22])), 'pass', undefined, { ports: [3389] }),

  // fail
  one('the AWS default NACL allows everything, both families', nacl(awsDefault), 'fail', {
    openEntries: [
      open(22, 100, '0.0.0.0/0', '-1', 'all'),
      open(22, 101, '::/0', '-1', 'all'),
      open(3389, 100, '0.0.0.0/0', '-1', 'all'),
      open(3389, 101, '::/0', '-1', 'all'),
    ],
    exposedPorts: [22, 3389],
  }),
  one(
    'a narrower-CIDR deny does not shadow an allow from anywhere',
    closing(deny(50, '6', '10.0.0.0/8', [22, 22]), allow(100, '6', '0.0.0.0/0', [22, 22])),
    'fail',
    { openEntries: [open(22, 100, '0.0.0.0/0', '6', '22')], exposedPorts: [22] },
  ),
  one('a deny after the allow comes too late', closing(allow(100, '6', '0.0.0.0/0', [0, 65535]), deny(200, '6', '0.0.0.0/0', [22, 22])), 'fail', {
    openEntries: [open(22, 100, '0.0.0.0/0', '6', '0-65535'), open(3389, 100, '0.0.0.0/0', '6', '0-65535')],
    exposedPorts: [22, 3389],
  }),
  one(
    'a deny covers one port only: the other is decided by the allow',
    closing(deny(90, '6', '0.0.0.0/0', [22, 22]), allow(100, '-1', '0.0.0.0/0')),
    'fail',
    { openEntries: [open(3389, 100, '0.0.0.0/0', '-1', 'all')], exposedPorts: [3389] },
  ),
  one(
    'IPv4 denied, IPv6 allowed: the families are decided separately',
    closing(deny(90, '-1', '0.0.0.0/0'), allow(100, '6', '::/0', [22, 22])),
    'fail',
    { openEntries: [open(22, 100, '::/0', '6', '22')], exposedPorts: [22] },
  ),
  one('ephemeral range 1024-65535 covers 3389', closing(allow(100, '6', '0.0.0.0/0', [1024, 65535])), 'fail', {
    openEntries: [open(3389, 100, '0.0.0.0/0', '6', '1024-65535')],
    exposedPorts: [3389],
  }),
  one('udp (17) counts', closing(allow(120, '17', '::/0', [3389, 3389])), 'fail', {
    openEntries: [open(3389, 120, '::/0', '17', '3389')],
    exposedPorts: [3389],
  }),
  // Issue 12: broad public ranges are the internet too; these passed before the fix (only /0 decided).
  one(
    'ssh allowed from 0.0.0.0/1 and 128.0.0.0/1',
    closing(allow(100, '6', '0.0.0.0/1', [22, 22]), allow(110, '6', '128.0.0.0/1', [22, 22])),
    'fail',
    {
      openEntries: [
        { ...open(22, 100, '0.0.0.0/1', '6', '22'), counts: 'public range broader than /8' },
        { ...open(22, 110, '128.0.0.0/1', '6', '22'), counts: 'public range broader than /8' },
      ],
      exposedPorts: [22],
    },
  ),
  one('rdp allowed from 2000::/3', closing(allow(100, '6', '2000::/3', [3389, 3389])), 'fail', {
    openEntries: [{ ...open(3389, 100, '2000::/3', '6', '3389'), counts: 'public range broader than /8' }],
    exposedPorts: [3389],
  }),

  one('ports param adds a port', closing(allow(100, '6', '0.0.0.0/0', [5985, 5986])), 'fail', {
    openEntries: [open(5985, 100, '0.0.0.0/0', '6', '5985-5986'), open(5986, 100, '0.0.0.0/0', '6', '5985-5986')],
    exposedPorts: [5985, 5986],
  }, { ports: [5986, 22, 5985] }),

  // not_applicable
  one('associated with no subnet', unattached, 'not_applicable', { subnetIds: [] }),
  { name: 'no network ACLs', input: { networkAcls: [] }, expected: [{ status: 'not_applicable', id: '*', evidence: {} }] },
  {
    name: 'an unattached NACL beside an attached one (results in ARN order)',
    input: { networkAcls: [unattached, hardened] },
    expected: [
      { status: 'pass', id: hardened.id },
      { status: 'not_applicable', id: unattached.id },
    ],
  },

  // error
  {
    name: 'DescribeNetworkAcls denied, nothing collected',
    input: { networkAcls: [], failed: ['ec2:DescribeNetworkAcls'] },
    expected: [{ status: 'error', id: '*', evidence: { failedCalls: [denied('ec2:DescribeNetworkAcls')] } }],
  },
  {
    name: 'DescribeNetworkAcls denied turns a pass into error',
    input: { networkAcls: [hardened], failed: ['ec2:DescribeNetworkAcls'] },
    expected: [{ status: 'error', id: hardened.id, evidence: { failedCalls: [denied('ec2:DescribeNetworkAcls')], unverifiedOutcome: 'pass' } }],
  },
];

describe(check.id, () => {
  it.each(cases)('$name', ({ input, params, expected }) => {
    const results = runCheck(check, input, params);
    expect(results.map((r) => ({ status: r.status, id: r.resource.id }))).toEqual(expected.map(({ status, id }) => ({ status, id })));
    expected.forEach((e, i) => {
      if (e.evidence !== undefined) expect(results[i]?.evidence).toEqual(e.evidence);
    });
    for (const r of results) if (r.status === 'pass' || r.status === 'fail') expect(r.message).toContain(r.resource.id);
  });

  it('has a schema that accepts its defaults and rejects unknown params', () => {
    const validate = new Ajv({ strict: true, strictRequired: false }).compile(check.schema);
    expect(validate(check.defaults)).toBe(true);
    expect(validate({ ...check.defaults, extra: 1 })).toBe(false);
    expect(validate({ ports: [70000] })).toBe(false);
    expect(validate({ ports: [] })).toBe(false);
  });
});
