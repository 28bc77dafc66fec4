/**
 * The real SDK stack against a loopback AWS (test/helpers/loopback.ts), for
 * what mocks cannot show: SigV4 signing, retries and throttling, and each
 * wire protocol once — EC2 (ec2Query), IAM and STS (awsQuery), KMS and
 * CloudTrail (awsJson 1.1), CloudWatch (awsJson 1.0), GuardDuty (restJson),
 * CloudFront (restXml). Every other service is served by aws-sdk-client-mock
 * from the modules' fakes. Nothing but 127.0.0.1 is reached.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { CHECKS } from '../../src/checks/index.js';
import { SERVER_ERROR_RETRIES } from '../../src/collect/retry.js';
import { READ_ONLY } from '../../src/services/operations.js';
import { SERVICES } from '../../src/services/registry.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import {
  ec2Error,
  ec2Xml,
  htmlPage,
  json,
  jsonError,
  queryXml,
  restJson,
  restXml,
  startLoopback,
  type Loopback,
  type Routes,
} from '../helpers/loopback.js';
import { ACCOUNT, fakeAccount, mockAccount, type MockedAccount } from '../helpers/mock-account.js';

const CREDS = {
  AWS_ACCESS_KEY_ID: 'AKIALOOPBACK7Q2ZK4XW',
  AWS_SECRET_ACCESS_KEY: 'lbSecret/Key+ForArchscanLoopback0000TEST1',
  AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjLOOPBACK/session+token//archscan-test-0001==',
};
const REGION = 'ap-south-1';
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
/** The modules whose clients talk to the loopback; the others are mocked. */
const REAL = new Set(['sts', 'iam', 'ec2', 'kms', 'cloudtrail', 'cloudwatch', 'guardduty', 'cloudfront']);
const KEY_ID = 'c0ffee00-1111-4222-8333-444455556666';
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${KEY_ID}`;

const REPORT = [
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
  `<root_account>,arn:aws:iam::${ACCOUNT}:root,2021-04-01T00:00:00+00:00,not_supported,2026-10-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
].join('\n');

const emptySet = (operation: string, element: string) => ec2Xml(operation, `<${element}/>`);

/**
 * One region's worth of answers, in wire format. The odd values a real
 * account sends are planted: a password policy whose MaxPasswordAge and
 * PasswordReusePrevention are 0, a KMS key with a KeySpec and an origin the
 * SDK has never heard of, a security group without VpcId or Description.
 */
function routes(): Routes {
  let reportPolls = 0;
  return {
    'sts:GetCallerIdentity': queryXml(STS_NS, 'GetCallerIdentity', `<Arn>arn:aws:sts::${ACCOUNT}:assumed-role/Audit/loopback</Arn><UserId>AROAEXAMPLE:loopback</UserId><Account>${ACCOUNT}</Account>`),
    'ec2:DescribeRegions': ec2Xml(
      'DescribeRegions',
      `<regionInfo><item><regionName>${REGION}</regionName><regionEndpoint>ec2.${REGION}.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>` +
        '<item><regionName>me-central-1</regionName><regionEndpoint>ec2.me-central-1.amazonaws.com</regionEndpoint><optInStatus>not-opted-in</optInStatus></item></regionInfo>',
    ),
    'ec2:DescribeVpcs': ec2Xml('DescribeVpcs', '<vpcSet><item><vpcId>vpc-0loop</vpcId><cidrBlock>10.9.0.0/16</cidrBlock><isDefault>false</isDefault><state>available</state></item></vpcSet>'),
    'ec2:DescribeSubnets': emptySet('DescribeSubnets', 'subnetSet'),
    'ec2:DescribeRouteTables': emptySet('DescribeRouteTables', 'routeTableSet'),
    'ec2:DescribeInternetGateways': emptySet('DescribeInternetGateways', 'internetGatewaySet'),
    'ec2:DescribeSecurityGroups': ec2Xml(
      'DescribeSecurityGroups',
      '<securityGroupInfo><item><ownerId>0</ownerId><groupId>sg-0loopssh</groupId><groupName>ssh</groupName><ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort>' +
        '<groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissions><ipPermissionsEgress/></item></securityGroupInfo>',
    ),
    'ec2:DescribeNetworkAcls': emptySet('DescribeNetworkAcls', 'networkAclSet'),
    'ec2:DescribeFlowLogs': emptySet('DescribeFlowLogs', 'flowLogSet'),
    'ec2:DescribeInstances': emptySet('DescribeInstances', 'reservationSet'),
    'ec2:DescribeVolumes': emptySet('DescribeVolumes', 'volumeSet'),
    'ec2:GetEbsEncryptionByDefault': ec2Xml('GetEbsEncryptionByDefault', '<ebsEncryptionByDefault>true</ebsEncryptionByDefault><sseType>sse-ebs</sseType>'),
    'ec2:DescribeSnapshots': emptySet('DescribeSnapshots', 'snapshotSet'),
    'ec2:DescribeImages': emptySet('DescribeImages', 'imagesSet'),
    'ec2:DescribeNetworkInterfaces': emptySet('DescribeNetworkInterfaces', 'networkInterfaceSet'),
    'ec2:DescribeNatGateways': emptySet('DescribeNatGateways', 'natGatewaySet'),
    'ec2:DescribeAddresses': emptySet('DescribeAddresses', 'addressesSet'),
    'ec2:DescribeEgressOnlyInternetGateways': emptySet('DescribeEgressOnlyInternetGateways', 'egressOnlyInternetGatewaySet'),
    'ec2:DescribeVpcPeeringConnections': emptySet('DescribeVpcPeeringConnections', 'vpcPeeringConnectionSet'),
    'ec2:DescribeTransitGateways': emptySet('DescribeTransitGateways', 'transitGatewaySet'),
    'ec2:DescribeTransitGatewayAttachments': emptySet('DescribeTransitGatewayAttachments', 'transitGatewayAttachments'),
    'ec2:DescribeTransitGatewayRouteTables': emptySet('DescribeTransitGatewayRouteTables', 'transitGatewayRouteTables'),
    'ec2:DescribeVpnConnections': emptySet('DescribeVpnConnections', 'vpnConnectionSet'),
    'ec2:DescribeVpnGateways': emptySet('DescribeVpnGateways', 'vpnGatewaySet'),
    'ec2:DescribeVpcEndpoints': emptySet('DescribeVpcEndpoints', 'vpcEndpointSet'),
    'ec2:DescribeManagedPrefixLists': emptySet('DescribeManagedPrefixLists', 'prefixListSet'),
    // The report is not ready at the first poll.
    'iam:GenerateCredentialReport': () => queryXml(IAM_NS, 'GenerateCredentialReport', `<State>${++reportPolls < 2 ? 'STARTED' : 'COMPLETE'}</State>`),
    'iam:GetCredentialReport': queryXml(IAM_NS, 'GetCredentialReport', `<Content>${Buffer.from(REPORT).toString('base64')}</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2026-11-20T05:59:00Z</GeneratedTime>`),
    'iam:GetAccountPasswordPolicy': queryXml(
      IAM_NS,
      'GetAccountPasswordPolicy',
      '<PasswordPolicy><AllowUsersToChangePassword>true</AllowUsersToChangePassword><RequireLowercaseCharacters>true</RequireLowercaseCharacters><RequireUppercaseCharacters>true</RequireUppercaseCharacters>' +
        '<MinimumPasswordLength>14</MinimumPasswordLength><RequireNumbers>true</RequireNumbers><RequireSymbols>true</RequireSymbols><ExpirePasswords>false</ExpirePasswords>' +
        '<MaxPasswordAge>0</MaxPasswordAge><PasswordReusePrevention>0</PasswordReusePrevention></PasswordPolicy>',
    ),
    'iam:GetAccountAuthorizationDetails': queryXml(IAM_NS, 'GetAccountAuthorizationDetails', '<UserDetailList/><GroupDetailList/><RoleDetailList/><Policies/><IsTruncated>false</IsTruncated>'),
    'kms:ListKeys': json({ Keys: [{ KeyId: KEY_ID, KeyArn: KEY_ARN }], Truncated: false }),
    'kms:ListAliases': json({ Aliases: [{ AliasName: 'alias/future', AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/future`, TargetKeyId: KEY_ID }], Truncated: false }),
    'kms:DescribeKey': json({
      KeyMetadata: {
        AWSAccountId: ACCOUNT,
        KeyId: KEY_ID,
        Arn: KEY_ARN,
        CreationDate: 1_700_000_000,
        Enabled: true,
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyState: 'Enabled',
        Origin: 'QUANTUM_VAULT',
        KeyManager: 'CUSTOMER',
        KeySpec: 'ML_KEM_9999',
      },
    }),
    'kms:GetKeyPolicy': json({ PolicyName: 'default', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }] }) }),
    'cloudtrail:DescribeTrails': json({ trailList: [] }),
    'cloudwatch:DescribeAlarms': json({ MetricAlarms: [], CompositeAlarms: [] }, '1.0'),
    'guardduty:ListDetectors': restJson({ detectorIds: ['d1'] }),
    'guardduty:GetDetector': restJson({ status: 'ENABLED', serviceRole: 'arn:aws:iam::0:role/gd', findingPublishingFrequency: 'SIX_HOURS' }),
    // A standalone detector: no administrator, no members (GuardDuty answers {} and an empty member list).
    'guardduty:GetAdministratorAccount': restJson({}),
    'guardduty:ListMembers': restJson({ members: [] }),
    'cloudfront:ListDistributions': restXml(
      '<DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>0</Quantity></DistributionList>',
    ),
  };
}

let aws: Loopback;
let mocked: MockedAccount;
const saved = { ...process.env };

beforeEach(async () => {
  aws = await startLoopback(routes(), CREDS.AWS_SECRET_ACCESS_KEY);
  Object.assign(process.env, CREDS, { AWS_REGION: REGION, AWS_ENDPOINT_URL: aws.url, AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  mocked = await mockAccount(await fakeAccount({ regions: [REGION] }), SERVICES.filter((m) => !REAL.has(m.name)));
});
afterEach(async () => {
  mocked.restore();
  process.env = { ...saved };
  await aws.close();
});

function captureIo(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdoutIsTty: false, stderrIsTty: false, env: { ...process.env } } as Io & { out: string; err: string };
  io.stdout = (t) => void (io.out += t);
  io.stderr = (t) => void (io.err += t);
  return io;
}

async function collect(...flags: string[]): Promise<{ code: number; snapshot: Snapshot; file: string; io: ReturnType<typeof captureIo> }> {
  const file = join(mkdtempSync(join(tmpdir(), 'archscan-loop-')), 'snapshot.json');
  const io = captureIo();
  const code = await main(['node', 'archscan', 'collect', '--output', file, '--regions', REGION, '--max-attempts', '5', ...flags], io);
  return { code, snapshot: JSON.parse(readFileSync(file, 'utf8')) as Snapshot, file, io };
}

interface Report {
  complete: boolean;
  evaluations: { checkId: string; counts: { error: number } }[];
  callErrors: { service: string; operation: string; code: string }[];
}

async function scanJson(file: string): Promise<{ code: number; report: Report }> {
  const io = captureIo();
  const code = await main(['node', 'archscan', 'scan', '--snapshot', file, '--format', 'json', '--quiet'], io);
  return { code, report: JSON.parse(io.out) as Report };
}

describe('collect on the real SDK stack (loopback)', { timeout: 60_000 }, () => {
  it('signs every request, speaks each wire protocol, and stores the answers as served', async () => {
    const { code, snapshot, io } = await collect();
    expect(code, io.err).toBe(0);
    expect(snapshot.errors).toEqual([]);
    for (const r of aws.requests) {
      expect(r.key, 'every request is an operation the loopback serves').not.toMatch(/^unknown/);
      expect(r.key).toMatch(READ_ONLY);
      expect(r.signatureValid, `${r.key} is signed with the caller's secret (SigV4 recomputed)`).toBe(true);
      expect(r.sessionToken).toBe(true);
    }
    expect([...new Set(aws.requests.map((r) => r.signingService))].sort()).toEqual(['cloudfront', 'cloudtrail', 'ec2', 'guardduty', 'iam', 'kms', 'monitoring', 'sts']);
    const calls = snapshot.regions[REGION]!.calls;
    // ec2Query, restJson and awsJson 1.1 answers, as the SDK parsed them.
    expect(calls['ec2:DescribeSecurityGroups']).toEqual({
      SecurityGroups: [{ OwnerId: '0', GroupId: 'sg-0loopssh', GroupName: 'ssh', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, UserIdGroupPairs: [], IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [] }], IpPermissionsEgress: [] }],
    });
    expect(calls['guardduty:ListDetectors']).toEqual({ DetectorIds: ['d1'] });
    expect(snapshot.regions[REGION]!.perResource['guardduty:GetDetector']).toEqual({ d1: { Status: 'ENABLED', ServiceRole: 'arn:aws:iam::0:role/gd', FindingPublishingFrequency: 'SIX_HOURS' } });
    // KMS de-paginated without its Truncated flag; the credential report in base64 after one STARTED poll.
    expect(calls['kms:ListKeys']).toEqual({ Keys: [{ KeyId: KEY_ID, KeyArn: KEY_ARN }] });
    expect(aws.count('iam:GenerateCredentialReport')).toBe(2);
    expect(Buffer.from((snapshot.global.calls['iam:GetCredentialReport'] as { Content: string }).Content, 'base64').toString()).toBe(REPORT);
    // Regions come from DescribeRegions; the one not opted in is skipped and reported.
    expect(snapshot.metadata.regions).toEqual([REGION]);
  });

  it('keeps zeros, missing optional fields and enum values the SDK does not know, and judges them', async () => {
    const { code, snapshot, file } = await collect();
    expect(code).toBe(0);
    expect(snapshot.global.calls['iam:GetAccountPasswordPolicy']).toMatchObject({ PasswordPolicy: { MaxPasswordAge: 0, PasswordReusePrevention: 0, MinimumPasswordLength: 14 } });
    expect(snapshot.regions[REGION]!.perResource['kms:DescribeKey']![KEY_ID]).toMatchObject({ KeyMetadata: { KeySpec: 'ML_KEM_9999', Origin: 'QUANTUM_VAULT', CreationDate: '2023-11-14T22:13:20.000Z' } });
    // A key that is neither symmetric nor of AWS material is not asked for rotation.
    expect(aws.count('kms:GetKeyRotationStatus')).toBe(0);
    const { code: scanCode, report } = await scanJson(file);
    expect(report.callErrors).toEqual([]);
    expect(report.complete).toBe(true);
    expect(scanCode).toBe(1);
    const { stdout } = { stdout: JSON.stringify(report) };
    expect(stdout).not.toContain('MalformedResponse');
  });

  it('an HTML 500 page is retried twice, recorded with its status, and makes exactly the checks that need the call error', async () => {
    aws.failNext('cloudtrail:DescribeTrails', 99, htmlPage(500));
    const { code, snapshot, file, io } = await collect();
    expect(code, 'collect exits 3 after writing the snapshot').toBe(3);
    expect(aws.count('cloudtrail:DescribeTrails')).toBe(1 + SERVER_ERROR_RETRIES);
    expect(snapshot.errors.map((e) => [`${e.service}:${e.operation}`, e.region, e.code])).toEqual([['cloudtrail:DescribeTrails', REGION, expect.stringMatching(/500/)]]);
    expect(io.err).toContain('cloudtrail:DescribeTrails failed in ap-south-1');
    const { code: scanCode, report } = await scanJson(file);
    expect(scanCode).toBe(3);
    const erroring = report.evaluations.filter((e) => e.counts.error > 0).map((e) => e.checkId);
    const needing = Object.values(CHECKS)
      .filter((c) => (c.requires as readonly string[]).includes('cloudtrail:DescribeTrails'))
      .map((c) => c.id);
    expect([...new Set(erroring)].sort()).toEqual([...new Set(needing)].filter((id) => report.evaluations.some((e) => e.checkId === id)).sort());
  });

  it('an answer that does not parse is recorded at once, never retried', async () => {
    aws.failNext('kms:ListAliases', 99, { status: 200, contentType: 'application/x-amz-json-1.1', body: '{"Aliases": [{"AliasName": "alias/trunc' });
    const { code, snapshot } = await collect();
    expect(code).toBe(3);
    expect(aws.count('kms:ListAliases')).toBe(1);
    expect(snapshot.errors.map((e) => `${e.service}:${e.operation}`)).toEqual(['kms:ListAliases']);
    expect(snapshot.regions[REGION]!.calls['kms:ListKeys']).toBeDefined();
  });

  it('rides out throttling with the adaptive retry until the data is complete', async () => {
    aws.failNext('ec2:DescribeVpcs', 3, ec2Error(503, 'RequestLimitExceeded', 'Request limit exceeded.'));
    aws.failNext('kms:ListKeys', 2, jsonError(400, 'ThrottlingException', 'Rate exceeded'));
    const { code, snapshot } = await collect();
    expect(code).toBe(0);
    expect(aws.count('ec2:DescribeVpcs')).toBe(4);
    expect(aws.count('kms:ListKeys')).toBe(3);
    expect((snapshot.regions[REGION]!.calls['ec2:DescribeVpcs'] as { Vpcs: unknown[] }).Vpcs).toHaveLength(1);
  });

  it('with one request in five throttled, in every protocol, still collects exactly what an unthrottled run does', async () => {
    const started = performance.now();
    const calm = await collect('--max-attempts', '8');
    const calmMs = performance.now() - started;
    const calmRequests = aws.requests.length;
    aws.throttleEvery(5);
    const again = performance.now();
    const busy = await collect('--max-attempts', '8');
    const busyMs = performance.now() - again;
    expect(calm.code).toBe(0);
    expect(busy.code, busy.io.err).toBe(0);
    expect(busy.snapshot.errors).toEqual([]);
    expect(busy.snapshot.global).toEqual(calm.snapshot.global);
    expect(busy.snapshot.regions).toEqual(calm.snapshot.regions);
    expect(aws.throttled).toBeGreaterThanOrEqual(Math.floor(calmRequests / 5));
    // Figures for the record (no assertion on time: the machine may be loaded).
    console.log(`20% throttled: ${aws.requests.length - calmRequests} requests (${aws.throttled} throttled) in ${busyMs.toFixed(0)} ms; unthrottled ${calmRequests} in ${calmMs.toFixed(0)} ms`);
  });

  it('names a denied call in the wire format of each protocol, and redacts credentials AWS echoes back', async () => {
    aws.failNext('guardduty:ListDetectors', 1, { status: 403, contentType: 'application/json', body: JSON.stringify({ __type: 'AccessDeniedException', message: `User ${CREDS.AWS_ACCESS_KEY_ID} with token ${CREDS.AWS_SESSION_TOKEN} is not authorized to perform: guardduty:ListDetectors` }) });
    aws.failNext('iam:GetAccountAuthorizationDetails', 1, {
      status: 403,
      contentType: 'text/xml',
      body: `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized: iam:GetAccountAuthorizationDetails</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
    });
    const { code, snapshot, file, io } = await collect();
    expect(code).toBe(3);
    expect(snapshot.errors.map((e) => [`${e.service}:${e.operation}`, e.code])).toEqual([
      ['guardduty:ListDetectors', 'AccessDeniedException'],
      ['iam:GetAccountAuthorizationDetails', 'AccessDenied'],
    ]);
    expect(io.err).toContain('missing permissions (2): guardduty:ListDetectors, iam:GetAccountAuthorizationDetails');
    const text = readFileSync(file, 'utf8') + io.err + io.out;
    for (const secret of Object.values(CREDS)) expect(text).not.toContain(secret);
    expect(text).toContain('[REDACTED]');
  });

  it('keeps the SDK quiet unless --debug: what it prints by itself never reaches the terminal', async () => {
    // Parts of the SDK print to the console directly (an endpoint it cannot build): stand one in.
    mocked.restore();
    const account = await fakeAccount({ regions: [REGION] });
    account[REGION]!['accessanalyzer:ListAnalyzers'] = () => {
      console.error('Failed to construct URL with http://127.0.0.1:1/', new TypeError('Invalid URL'));
      throw Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL' });
    };
    mocked = await mockAccount(account, SERVICES.filter((m) => !REAL.has(m.name)));
    const printed: string[] = [];
    const record = (...a: unknown[]) => void printed.push(a.map(String).join(' '));
    const spies = [vi.spyOn(console, 'warn').mockImplementation(record), vi.spyOn(console, 'error').mockImplementation(record), vi.spyOn(console, 'log').mockImplementation(record)];
    try {
      const quiet = await collect();
      expect(quiet.code).toBe(3);
      expect(quiet.snapshot.errors.map((e) => `${e.service}:${e.operation}`)).toEqual(['accessanalyzer:ListAnalyzers']);
      expect(quiet.io.err).not.toMatch(/Failed to construct URL|\n\s+at /);
      expect(printed).toEqual([]);
      const loud = await collect('--debug');
      expect(loud.code).toBe(3);
      expect(printed.join('\n')).toContain('Failed to construct URL');
    } finally {
      for (const sp of spies) sp.mockRestore();
    }
  });
});
