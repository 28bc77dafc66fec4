/**
 * The seed fixtures held against their architecture profiles (fixtures/<seed>.arch.yaml):
 * exactly the planted drift findings (fixtures/<seed>.arch-drift.yaml), the exposure verdicts
 * issue 13 names (the rule is wrong either way; only the open hosts are reachable from the
 * internet and raised), and `arch init` writing a profile the account matches.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { runCheck } from '../../src/checks/run.js';
import type { AnyCheck, CheckResult } from '../../src/checks/types.js';
import { buildInventory } from '../../src/inventory/build.js';
import type { Inventory } from '../../src/inventory/types.js';
import { profileYaml } from '../../src/cli/arch.js';
import { initProfile } from '../../src/reach/init.js';
import { parseArchitecture } from '../../src/reach/load-profile.js';
import { readSnapshot } from '../../src/snapshot/read.js';
import { ROOT } from '../helpers/cli.js';

const SEEDS = ['clubshop-ecommerce', 'digital-asset-exchange', 'giftcard-issuer', 'microfinance', 'payments-group'];
const ARCH = Object.entries(CHECKS as Record<string, AnyCheck>).filter(([id]) => id.startsWith('arch-'));

const inventories = new Map<string, Inventory>();
beforeAll(async () => {
  for (const s of SEEDS) inventories.set(s, buildInventory(await readSnapshot(`${ROOT}fixtures/${s}.json`)));
}, 120_000);

function withProfile(seed: string, profileText: string, file: string): Inventory {
  return { ...inventories.get(seed)!, architecture: parseArchitecture(profileText, file) } as Inventory;
}

function driftResults(inv: Inventory): CheckResult[] {
  return ARCH.flatMap(([, check]) => runCheck(check, inv, check.defaults));
}

describe.each(SEEDS)('%s against its architecture profile', (seed) => {
  it('yields exactly the planted drift findings, and no error', () => {
    const file = `fixtures/${seed}.arch.yaml`;
    const results = driftResults(withProfile(seed, readFileSync(`${ROOT}${file}`, 'utf8'), file));
    const planted = (parse(readFileSync(`${ROOT}fixtures/${seed}.arch-drift.yaml`, 'utf8')) as { failures: { check: string; resource: string }[] }).failures;
    expect(results.filter((r) => r.status === 'error').map((r) => `${r.checkId} ${r.resource.arn}: ${r.message}`)).toEqual([]);
    const failing = results.filter((r) => r.status === 'fail').map((r) => `${r.checkId} ${r.resource.arn}`).sort();
    expect(failing).toEqual(planted.map((p) => `${p.check} ${p.resource}`).sort());
  });

  it('yields no drift with the profile arch init writes from the same snapshot', () => {
    const inv = inventories.get(seed)!;
    const text = profileYaml(initProfile(inv));
    const results = driftResults(withProfile(seed, text, '<arch init>'));
    expect(results.filter((r) => r.status === 'fail' || r.status === 'error').map((r) => `${r.checkId} ${r.resource.arn}: ${r.message}`)).toEqual([]);
    // It judged something: every seed has flows between tiers.
    expect(results.filter((r) => r.checkId === 'arch-flows-declared' && r.status === 'pass').length).toBeGreaterThan(0);
  });
});

describe('exposure checks tell the open host from the wrong rule (issue 13)', () => {
  const sg = (seed: string, checkId: string, id: string) => {
    const check = (CHECKS as Record<string, AnyCheck>)[checkId]!;
    const r = runCheck(check, inventories.get(seed)!, check.defaults).find((x) => x.resource.id === id)!;
    const e = r.evidence as { reachableFromInternet: boolean | null; exposedInterfaces?: { networkInterface: string; ports: string; path: { source: string; returnRoute: { target: string } } | null }[]; reachability?: string };
    return { status: r.status, severity: r.severity, reachable: e.reachableFromInternet, exposed: e.exposedInterfaces?.map((x) => `${x.networkInterface} ${x.ports}`), path: e.exposedInterfaces?.[0]?.path, why: e.reachability };
  };

  it.each([
    // [seed, check, group, why it cannot be reached]
    ['clubshop-ecommerce', 'ec2-sg-no-public-all-traffic', 'sg-071e3e17f098ad24d', /NAT gateway nat-037f934fe67f11322, which admits no inbound connection/],
    ['clubshop-ecommerce', 'ec2-sg-no-public-admin-ports', 'sg-0b5984cf3dbfcaae5', /NAT gateway/],
    ['giftcard-issuer', 'ec2-sg-no-public-risky-ports', 'sg-09c6047016a51a7a9', /NAT gateway/],
    ['digital-asset-exchange', 'ec2-sg-public-ports-authorised', 'sg-0a8af7f48b3ba1f85', /transit gateway tgw-018ae9b91fa7da4e2, not to an internet gateway/],
    ['payments-group', 'ec2-sg-no-public-admin-ports', 'sg-09ada746354dc96df', /egress-only gateway eigw-07447b644e1b04bd8, which admits no inbound connection/],
  ])('%s %s %s: fails, not reachable from the internet, severity not raised', (seed, checkId, id, why) => {
    const r = sg(seed, checkId, id);
    expect(r.status).toBe('fail');
    expect(r.reachable).toBe(false);
    expect(r.severity).toBeUndefined();
    expect(r.why).toMatch(why);
  });

  it.each([
    // [seed, check, group, exposed interface and ports, raised severity]
    ['giftcard-issuer', 'ec2-sg-no-public-admin-ports', 'sg-011daca4a162a5789', ['eni-0bfd1fa7b25360577 tcp 3389'], 'critical'],
    ['microfinance', 'ec2-sg-no-public-admin-ports', 'sg-054a856e221d6b6a6', ['eni-01a4aa86ff7b33167 tcp 3389'], 'critical'],
    ['clubshop-ecommerce', 'ec2-sg-no-public-risky-ports', 'sg-06cb51484a59a3d75', ['eni-03b939fa248733588 tcp 27017'], 'critical'],
  ])('%s %s %s: fails, reachable from the internet with its path, severity raised', (seed, checkId, id, exposed, severity) => {
    const r = sg(seed, checkId, id);
    expect(r.status).toBe('fail');
    expect(r.reachable).toBe(true);
    expect(r.exposed).toEqual(exposed);
    expect(r.severity).toBe(severity);
    expect(r.path?.source).toBe('internet');
    expect(r.path?.returnRoute.target).toMatch(/^igw-/);
  });

  it('a public range broader than /broaderThan is the internet to the reach engine too (one notion of "anywhere")', async () => {
    // The RD Gateway's RDP rule narrowed from 0.0.0.0/0 to a public /12: only a check with broaderThan 16 counts it as
    // anywhere, and the exposure verdict must then judge reachability with the same size (a /16 block), not the engine's /8.
    const snap = await readSnapshot(`${ROOT}fixtures/giftcard-issuer.json`);
    const groups = (snap.regions['ap-south-1']!.calls['ec2:DescribeSecurityGroups'] as { SecurityGroups: { GroupId: string; IpPermissions: { FromPort?: number; IpRanges: { CidrIp: string }[] }[] }[] }).SecurityGroups;
    groups.find((g) => g.GroupId === 'sg-011daca4a162a5789')!.IpPermissions.find((p) => p.FromPort === 3389)!.IpRanges[0]!.CidrIp = '52.0.0.0/12';
    const inv = buildInventory(snap);
    const check = (CHECKS as Record<string, AnyCheck>)['ec2-sg-no-public-admin-ports']!;
    const judged = (broaderThan: number) => runCheck(check, inv, { ...check.defaults, broaderThan }).find((x) => x.resource.id === 'sg-011daca4a162a5789')!;
    expect(judged(8).status).toBe('pass');
    const r = judged(16);
    expect(r.status).toBe('fail');
    expect(r.evidence['reachableFromInternet']).toBe(true);
    expect((r.evidence['exposedInterfaces'] as { networkInterface: string; ports: string }[]).map((x) => `${x.networkInterface} ${x.ports}`)).toEqual(['eni-0bfd1fa7b25360577 tcp 3389']);
    expect(r.severity).toBe('critical');
  });

  it('says "not known", with the missing call, when the snapshot has no network interfaces', async () => {
    const inv = buildInventory(await readSnapshot(`${ROOT}fixtures/baseline-compliant.json`));
    const check = (CHECKS as Record<string, AnyCheck>)['ec2-sg-no-public-admin-ports']!;
    const fails = runCheck(check, inv, check.defaults).filter((r) => r.status === 'fail');
    for (const r of fails) expect(r.evidence['reachableFromInternet']).toBeNull();
  });
});
