/**
 * `archscan arch init`: a starting architecture profile from what the
 * account has today, for a user to edit and commit. Tiers are guessed from
 * subnet tags (Tier, Segment, tier, segment) per VPC, else from the route
 * table (a default route to an internet gateway: public; otherwise private);
 * flows are what is reachable now; peering is the active connections;
 * regions and zones are where the tiers are. Scanning with the profile as
 * written yields no drift, by construction: the user's edits are the design.
 */
import type { Inventory } from '../inventory/types.js';
import { analysisOf } from './analysis.js';
import { buildModel, key, lookup } from './model.js';
import { isNothing, portPairs, union, type Traffic } from './ports.js';
import type { ArchitectureProfile, FlowSpec, Sensitivity, TierSpec } from './profile.js';

const TIER_TAGS = ['Tier', 'Segment', 'tier', 'segment'];

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63) || 'tier';

function sensitivityOf(name: string, publicRoute: boolean): Sensitivity {
  if (/(^|-)(db|data|database|cde|pci)(-|$)/.test(name)) return 'restricted';
  if (/(^|-)(mgmt|management|admin|bastion)(-|$)/.test(name)) return 'management';
  if (publicRoute) return 'public';
  return 'internal';
}

/** Flows as a profile writes them: one per protocol, ports as numbers and ranges. */
export function flowsOf(from: string, to: string, t: Traffic): FlowSpec[] {
  const full = (p: readonly number[]) => p.length === 2 && p[0] === 0 && p[1] === 65535;
  if (full(t.tcp) && full(t.udp) && t.icmp) return [{ from, to, protocol: 'all', ports: [] }];
  const out: FlowSpec[] = [];
  for (const protocol of ['tcp', 'udp'] as const) {
    if (t[protocol].length === 0) continue;
    out.push({ from, to, protocol, ports: portPairs(t[protocol]).map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)) });
  }
  if (t.icmp) out.push({ from, to, protocol: 'icmp', ports: [] });
  return out;
}

export function initProfile(inv: Inventory): ArchitectureProfile {
  const model = buildModel(inv);
  const vpcName = new Map(inv.vpcs.map((v) => [key(v.region, v.id), v.name ?? v.id]));
  const multiVpc = inv.vpcs.length > 1;
  const tiers = new Map<string, TierSpec & { publicRoute: boolean }>();
  for (const s of [...model.subnets.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const tagKey = TIER_TAGS.find((k) => s.tags[k] !== undefined);
    const publicRoute = lookup(s.table, 4, 0n)?.target.startsWith('igw-') === true;
    const base = tagKey ? s.tags[tagKey]! : publicRoute ? 'public' : 'private';
    const name = slug(multiVpc ? `${vpcName.get(s.vpc.key)}-${base}` : base);
    let t = tiers.get(name);
    if (!t) tiers.set(name, (t = { name, sensitivity: 'internal', subnets: [], publicAddresses: false, publicRoute: false }));
    t.publicRoute ||= publicRoute;
    if (tagKey) {
      const value = s.tags[tagKey]!;
      if (!t.subnets.some((x) => x.vpcs?.[0] === s.vpc.id && x.tags?.[tagKey] === value)) t.subnets.push({ vpcs: [s.vpc.id], tags: { [tagKey]: value } });
    } else {
      let sel = t.subnets.find((x) => x.ids !== undefined);
      if (!sel) t.subnets.push((sel = { ids: [] }));
      sel.ids!.push(s.id);
    }
  }
  const draft: ArchitectureProfile = {
    version: 1,
    internetPrefix: 8,
    intraTier: 'ignore',
    tiers: [...tiers.values()].map(({ publicRoute, ...t }) => ({ ...t, sensitivity: sensitivityOf(t.name, publicRoute) })),
    networks: [],
    flows: [],
  };
  // What the tiers hold today: zones, regions, public addresses; then the flows between them.
  const probe = analysisOf({ ...inv, architecture: draft } as Inventory)!;
  const regions = new Set<string>();
  for (const t of draft.tiers) {
    const placed = probe.placements.filter((p) => p.tier.name === t.name);
    for (const p of placed) regions.add(p.region);
    const zones = placed.map((p) => new Set(p.subnets.flatMap((s) => (s.availabilityZone ? [s.availabilityZone] : []))).size);
    if (zones.length > 0 && Math.min(...zones) > 0) t.minAzs = Math.min(...zones);
    t.publicAddresses = placed.some((p) => p.interfaces.some((e) => e.publicIpv4.length > 0));
  }
  if (regions.size > 0) draft.regions = [...regions].sort();
  // One flow list per (source, tier), whatever region it was seen in.
  const actual = new Map<string, { from: string; to: string; traffic: Traffic }>();
  for (const c of probe.cells) {
    if (isNothing(c.actual)) continue;
    const k = `${c.from}\u0000${c.to}`;
    const prev = actual.get(k);
    actual.set(k, { from: c.from, to: c.to, traffic: prev ? union(prev.traffic, c.actual) : c.actual });
  }
  for (const { from, to, traffic } of actual.values()) draft.flows.push(...flowsOf(from, to, traffic));
  draft.peering = [...model.peerings.values()]
    .filter((p) => p.active)
    .map((p) => ({ between: [p.aSide.vpcId, p.bSide.vpcId].sort() as [string, string] }))
    .sort((a, b) => (a.between.join() < b.between.join() ? -1 : 1));
  return draft;
}

