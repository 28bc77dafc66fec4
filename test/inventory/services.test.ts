import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../src/inventory/build.js';
import { credentialReport, emptySnapshot, SNAP_ACCOUNT } from '../helpers/snapshot.js';

const TRAIL_ARN = `arn:aws:cloudtrail:ap-south-1:${SNAP_ACCOUNT}:trail/org-trail`;
const TRAIL = {
  Name: 'org-trail',
  S3BucketName: 'audit-logs',
  IncludeGlobalServiceEvents: true,
  IsMultiRegionTrail: true,
  HomeRegion: 'ap-south-1',
  TrailARN: TRAIL_ARN,
  LogFileValidationEnabled: true,
  KmsKeyId: `arn:aws:kms:ap-south-1:${SNAP_ACCOUNT}:key/1111`,
  HasCustomEventSelectors: true,
  HasInsightSelectors: false,
  IsOrganizationTrail: false,
};

describe('CloudTrail adapter', () => {
  it('keeps a multi-region trail once, in its home region, with status and selectors from there', () => {
    const snap = emptySnapshot(['ap-south-1', 'ap-southeast-1']);
    snap.regions['ap-south-1']!.calls['cloudtrail:DescribeTrails'] = { trailList: [TRAIL] };
    snap.regions['ap-southeast-1']!.calls['cloudtrail:DescribeTrails'] = { trailList: [TRAIL] }; // shadow copy
    snap.regions['ap-south-1']!.perResource['cloudtrail:GetTrailStatus'] = { [TRAIL_ARN]: { IsLogging: true } };
    snap.regions['ap-south-1']!.perResource['cloudtrail:GetEventSelectors'] = {
      [TRAIL_ARN]: {
        TrailARN: TRAIL_ARN,
        AdvancedEventSelectors: [
          { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }] },
        ],
      },
    };
    const { trails } = buildInventory(snap);
    expect(trails).toHaveLength(1);
    expect(trails[0]).toMatchObject({
      arn: TRAIL_ARN,
      region: 'ap-south-1',
      isMultiRegion: true,
      logFileValidation: true,
      status: { ok: true, value: { isLogging: true } },
      managementEvents: { ok: true, value: { read: false, write: true } },
    });
  });

  it('reads basic event selectors: ReadWriteType All with management events', () => {
    const snap = emptySnapshot();
    snap.regions['ap-south-1']!.calls['cloudtrail:DescribeTrails'] = { trailList: [TRAIL] };
    snap.regions['ap-south-1']!.perResource['cloudtrail:GetEventSelectors'] = {
      [TRAIL_ARN]: { EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }] },
    };
    expect(buildInventory(snap).trails[0]?.managementEvents).toEqual({ ok: true, value: { read: true, write: true } });
  });

  it('reports the trail status as failed when GetTrailStatus was denied', () => {
    const snap = emptySnapshot();
    snap.regions['ap-south-1']!.calls['cloudtrail:DescribeTrails'] = { trailList: [TRAIL] };
    snap.errors.push({ service: 'cloudtrail', operation: 'GetTrailStatus', region: 'ap-south-1', resource: TRAIL_ARN, code: 'AccessDeniedException', message: 'no' });
    expect(buildInventory(snap).trails[0]?.status).toMatchObject({ ok: false, error: { code: 'AccessDeniedException', resource: TRAIL_ARN } });
  });
});

describe('KMS adapter', () => {
  it('joins ListKeys, DescribeKey, GetKeyRotationStatus and aliases per key', () => {
    const snap = emptySnapshot();
    const r = snap.regions['ap-south-1']!;
    const arn = `arn:aws:kms:ap-south-1:${SNAP_ACCOUNT}:key/1111`;
    r.calls['kms:ListKeys'] = { Keys: [{ KeyId: '1111', KeyArn: arn }] };
    r.calls['kms:ListAliases'] = { Aliases: [{ AliasName: 'alias/cards', AliasArn: 'x', TargetKeyId: '1111' }] };
    r.perResource['kms:DescribeKey'] = {
      '1111': {
        KeyMetadata: {
          AWSAccountId: SNAP_ACCOUNT, KeyId: '1111', Arn: arn, CreationDate: '2024-01-01T00:00:00Z', Enabled: true,
          KeyUsage: 'ENCRYPT_DECRYPT', KeyState: 'PendingDeletion', DeletionDate: '2026-12-01T00:00:00Z', Origin: 'AWS_KMS',
          KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', MultiRegion: false,
        },
      },
    };
    r.perResource['kms:GetKeyRotationStatus'] = { '1111': { KeyRotationEnabled: true, KeyId: arn, RotationPeriodInDays: 365 } };
    const [key] = buildInventory(snap).kmsKeys;
    expect(key).toMatchObject({
      arn,
      id: '1111',
      name: 'alias/cards',
      aliases: ['alias/cards'],
      metadata: { ok: true, value: { manager: 'CUSTOMER', state: 'PendingDeletion', deletionDate: '2026-12-01T00:00:00Z', spec: 'SYMMETRIC_DEFAULT' } },
      rotation: { ok: true, value: { enabled: true, periodDays: 365 } },
    });
  });
});

describe('IAM adapter', () => {
  it('parses the credential report: root, users, passwords, MFA and both key slots', () => {
    const snap = emptySnapshot();
    snap.global.calls['iam:GetCredentialReport'] = {
      Content: credentialReport([
        `alice,arn:aws:iam::${SNAP_ACCOUNT}:user/alice,2024-01-10T00:00:00+00:00,true,2026-11-19T08:00:00+00:00,2026-09-01T00:00:00+00:00,N/A,true,true,2026-10-01T00:00:00+00:00,2026-11-18T00:00:00+00:00,ap-south-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
        `deploy,arn:aws:iam::${SNAP_ACCOUNT}:user/ci/deploy,2023-03-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2023-03-01T00:00:00+00:00,N/A,N/A,N/A,true,2025-01-01T00:00:00+00:00,2025-02-01T00:00:00+00:00,us-east-1,ec2,false,N/A,false,N/A`,
      ]),
      ReportFormat: 'text/csv',
      GeneratedTime: '2026-11-20T05:59:00Z',
    };
    const inv = buildInventory(snap);
    expect(inv.root).toMatchObject({ arn: `arn:aws:iam::${SNAP_ACCOUNT}:root`, passwordEnabled: true, mfaActive: true });
    expect(inv.iamUsers.map((u) => u.id)).toEqual(['alice', 'deploy']);
    expect(inv.iamUsers[0]).toMatchObject({ passwordEnabled: true, mfaActive: true, passwordLastUsed: '2026-11-19T08:00:00+00:00' });
    expect(inv.iamUsers[1]?.accessKeys).toEqual([
      { slot: 1, active: true, lastRotated: '2023-03-01T00:00:00+00:00' },
      { slot: 2, active: true, lastRotated: '2025-01-01T00:00:00+00:00', lastUsed: '2025-02-01T00:00:00+00:00' },
    ]);
  });

  it('treats NoSuchEntity for the password policy as "no policy" (data), not a failure', () => {
    const snap = emptySnapshot();
    delete snap.global.calls['iam:GetAccountPasswordPolicy'];
    snap.errors.push({ service: 'iam', operation: 'GetAccountPasswordPolicy', region: 'global', code: 'NoSuchEntity', message: 'The Password Policy with domain name 210987654321 cannot be found.' });
    const inv = buildInventory(snap);
    expect(inv.passwordPolicy.policy).toEqual({ ok: true, value: null });
    expect(inv.failures.has('iam:GetAccountPasswordPolicy')).toBe(false);
  });

  it('treats AccessDenied for the password policy as a failure', () => {
    const snap = emptySnapshot();
    delete snap.global.calls['iam:GetAccountPasswordPolicy'];
    snap.errors.push({ service: 'iam', operation: 'GetAccountPasswordPolicy', region: 'global', code: 'AccessDenied', message: 'no' });
    const inv = buildInventory(snap);
    expect(inv.passwordPolicy.policy.ok).toBe(false);
    expect(inv.failures.get('iam:GetAccountPasswordPolicy')?.get('global')?.code).toBe('AccessDenied');
  });

  it('makes a credential report without the expected columns unreadable: an error naming the path, never a crash', () => {
    const snap = emptySnapshot();
    snap.global.calls['iam:GetCredentialReport'] = { Content: Buffer.from('name,arn\nx,y\n').toString('base64') };
    const inv = buildInventory(snap);
    const failure = inv.failures.get('iam:GetCredentialReport')?.get('global');
    expect(failure).toMatchObject({ code: 'MalformedResponse', path: '/global/calls/iam:GetCredentialReport/Content' });
    expect(failure?.expected).toMatch(/missing: user, password_enabled/);
    expect(inv.root).toBeUndefined();
    expect(inv.dataErrors).toEqual([failure]);
  });
});

describe('ELBv2 adapter: target groups behind listeners (issue 12, NLB passthrough)', () => {
  // Shapes as the DescribeListeners / DescribeTargetGroups examples of the ELBv2 API reference return them.
  const LB = `arn:aws:elasticloadbalancing:ap-south-1:${SNAP_ACCOUNT}:loadbalancer/net/my-nlb/50dc6c495c0c9188`;
  const TG = (name: string) => `arn:aws:elasticloadbalancing:ap-south-1:${SNAP_ACCOUNT}:targetgroup/${name}/73e2d6bc24d8a067`;
  const snapWith = (targetGroups: unknown[] | 'denied') => {
    const snap = emptySnapshot();
    const r = snap.regions['ap-south-1']!;
    r.calls['elasticloadbalancing:DescribeLoadBalancers'] = {
      LoadBalancers: [{ LoadBalancerArn: LB, LoadBalancerName: 'my-nlb', Type: 'network', Scheme: 'internet-facing', VpcId: 'vpc-3ac0fb5f' }],
    };
    r.perResource['elasticloadbalancing:DescribeListeners'] = {
      [LB]: {
        Listeners: [
          { ListenerArn: `${LB}/l1`, LoadBalancerArn: LB, Port: 443, Protocol: 'TCP', DefaultActions: [{ Type: 'forward', TargetGroupArn: TG('fw-443') }] },
          {
            ListenerArn: `${LB}/l2`,
            LoadBalancerArn: LB,
            Port: 80,
            Protocol: 'TCP',
            DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: TG('fw-80'), Weight: 1 }] } }],
          },
        ],
      },
    };
    if (targetGroups === 'denied') {
      delete r.calls['elasticloadbalancing:DescribeTargetGroups'];
      snap.errors.push({ service: 'elasticloadbalancing', operation: 'DescribeTargetGroups', region: 'ap-south-1', code: 'AccessDenied', message: 'no' });
    } else r.calls['elasticloadbalancing:DescribeTargetGroups'] = { TargetGroups: targetGroups };
    return snap;
  };
  const tg = (name: string, Protocol: string, Port: number) => ({
    TargetGroupArn: TG(name), TargetGroupName: name, Protocol, Port, VpcId: 'vpc-3ac0fb5f', HealthCheckProtocol: 'TCP', HealthCheckPort: 'traffic-port',
    LoadBalancerArns: [LB], TargetType: 'instance', IpAddressType: 'ipv4',
  });

  it('joins each forward action (TargetGroupArn or ForwardConfig) to its target group protocol and port', () => {
    const lb = buildInventory(snapWith([tg('fw-443', 'TCP', 443), tg('fw-80', 'TCP', 80)])).loadBalancers[0]!;
    expect(lb.listeners.ok && lb.listeners.value.map((l) => [l.port, l.targetGroups])).toEqual([
      [443, { ok: true, value: [{ arn: TG('fw-443'), name: 'fw-443', protocol: 'TCP', port: 443 }] }],
      [80, { ok: true, value: [{ arn: TG('fw-80'), name: 'fw-80', protocol: 'TCP', port: 80 }] }],
    ]);
  });

  it('leaves them unknown, naming the call, when DescribeTargetGroups was denied', () => {
    const lb = buildInventory(snapWith('denied')).loadBalancers[0]!;
    expect(lb.listeners.ok && lb.listeners.value[0]?.targetGroups).toMatchObject({ ok: false, error: { operation: 'DescribeTargetGroups', code: 'AccessDenied' } });
  });

  it('leaves them unknown, with the JSON path, when a forwarded target group is not described', () => {
    const lb = buildInventory(snapWith([tg('fw-443', 'TCP', 443)])).loadBalancers[0]!;
    expect(lb.listeners.ok && lb.listeners.value[1]?.targetGroups).toMatchObject({
      ok: false,
      error: { operation: 'DescribeListeners', path: expect.stringContaining('/Listeners/1/DefaultActions/0/ForwardConfig/TargetGroups/0/TargetGroupArn') },
    });
  });
});

describe('calls absent from a snapshot', () => {
  it('count as failed (NotCollected), so checks report error rather than pass', () => {
    const snap = emptySnapshot();
    delete snap.regions['ap-south-1']!.calls['guardduty:ListDetectors'];
    const inv = buildInventory(snap);
    expect(inv.failures.get('guardduty:ListDetectors')?.get('ap-south-1')?.code).toBe('NotCollected');
  });
});
