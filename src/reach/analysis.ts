/**
 * The account held against its architecture profile: which subnets form each
 * tier, and for every (source, destination tier, region) the traffic that is
 * declared and the traffic that actually gets through, per destination
 * interface, with paths. Computed once per inventory (memoised) from the
 * reachability engine; drift checks and the report's matrix read it.
 */
import type { CallError, Inventory } from '../inventory/types.js';
import { reachOf, type ExternalNetwork, type FlowPath, type Reach } from './engine.js';
import { parseCidr } from './ip.js';
import { key, type ClassM, type EniM, type SubnetM } from './model.js';
import { declared, declaredExactly, INTERNET, type ArchitectureProfile, type Sensitivity, type SubnetSelector, type TierSpec } from './profile.js';
import { intersect, isNothing, NOTHING, representatives, single, subtract, union, type Protocol, type Traffic } from './ports.js';

export type SourceKind = 'internet' | 'network' | 'tier';

export interface Destination {
  eni: EniM;
  traffic: Traffic;
  /** For each port range reached: a source interface of the tier it comes from (internal flows). */
  contributions: { source: EniM; traffic: Traffic }[];
  /** External sources: the paths the engine explained for the interface. */
  externalPaths: FlowPath[];
}

export interface Cell {
  from: string;
  kind: SourceKind;
  to: string;
  region: string;
  declared: Traffic;
  actual: Traffic;
  undeclared: Traffic;
  blocked: Traffic;
  destinations: Destination[];
  unknown: CallError[];
  /** Regions whose network the cell depends on (sources across peering or transit gateways). */
  regions: Set<string>;
}

export interface TierPlacement {
  tier: TierSpec;
  region: string;
  subnets: SubnetM[];
  interfaces: EniM[];
}

export interface Analysis {
  profile: ArchitectureProfile;
  reach: Reach;
  /** Subnet key -> its tier. */
  tierOf: Map<string, TierSpec>;
  placements: TierPlacement[];
  cells: Cell[];
  /** Subnets (ids) in no tier, per region. */
  unassigned: { region: string; subnet: string }[];
}

function tagsMatch(want: Record<string, string> | undefined, have: Record<string, string>): boolean {
  return want === undefined || Object.entries(want).every(([k, v]) => have[k] === v);
}

function selects(sel: SubnetSelector, s: SubnetM, vpcTags: Record<string, string>): boolean {
  if (!tagsMatch(sel.tags, s.tags) || !tagsMatch(sel.vpcTags, vpcTags)) return false;
  if (sel.ids && !sel.ids.includes(s.id)) return false;
  if (sel.vpcs && !sel.vpcs.includes(s.vpc.id)) return false;
  if (sel.cidrs) {
    const mine = s.cidrText[4] ? parseCidr(s.cidrText[4]) : undefined;
    if (!mine) return false;
    const inside = sel.cidrs.some((c) => {
      const outer = parseCidr(c);
      return outer !== undefined && outer.family === 4 && outer.lo <= mine.lo && mine.hi <= outer.hi;
    });
    if (!inside) return false;
  }
  return true;
}

const memo = new WeakMap<Inventory, Analysis>();

/** The analysis of an inventory against its profile (`inv.architecture`); undefined without one. */
export function analysisOf(inv: Inventory): Analysis | undefined {
  const profile = inv.architecture;
  if (!profile) return undefined;
  let a = memo.get(inv);
  if (!a) memo.set(inv, (a = analyse(inv, profile)));
  return a;
}

function analyse(inv: Inventory, profile: ArchitectureProfile): Analysis {
  const reach = reachOf(inv, { internetPrefix: profile.internetPrefix });
  const model = reach.model;
  const vpcTags = new Map(inv.vpcs.map((v) => [key(v.region, v.id), v.tags]));
  const tierOf = new Map<string, TierSpec>();
  const unassigned: Analysis['unassigned'] = [];
  for (const s of [...model.subnets.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const tier = profile.tiers.find((t) => t.subnets.some((sel) => selects(sel, s, vpcTags.get(s.vpc.key) ?? {})));
    if (tier) tierOf.set(s.key, tier);
    else unassigned.push({ region: s.region, subnet: s.id });
  }

  const placements = new Map<string, TierPlacement>();
  for (const [k, tier] of tierOf) {
    const s = model.subnets.get(k)!;
    const pk = `${tier.name}|${s.region}`;
    let p = placements.get(pk);
    if (!p) placements.set(pk, (p = { tier, region: s.region, subnets: [], interfaces: [] }));
    p.subnets.push(s);
  }
  for (const e of model.enis) {
    const tier = tierOf.get(e.subnet.key);
    if (tier) placements.get(`${tier.name}|${e.region}`)!.interfaces.push(e);
  }

  // Source classes by VPC and tier: the candidates for each destination.
  const classesBy = new Map<string, ClassM[]>();
  for (const c of model.classes) {
    const tier = tierOf.get(c.rep.subnet.key);
    if (!tier || !c.rep.active) continue;
    const k = `${c.rep.subnet.vpc.key}|${tier.name}`;
    const list = classesBy.get(k);
    if (list) list.push(c);
    else classesBy.set(k, [c]);
  }

  const networks: ExternalNetwork[] = profile.networks.map((n) => ({ name: n.name, cidrs: n.cidrs }));
  const cells = new Map<string, Cell>();
  const cellOf = (from: string, kind: SourceKind, to: string, region: string): Cell => {
    const k = `${from}|${to}|${region}`;
    let c = cells.get(k);
    if (!c) {
      const d = declared(profile, from, to);
      cells.set(k, (c = { from, kind, to, region, declared: d, actual: NOTHING, undeclared: NOTHING, blocked: declaredExactly(profile, from, to), destinations: [], unknown: [], regions: new Set([region]) }));
    }
    return c;
  };

  const sortedPlacements = [...placements.values()].sort((a, b) => (a.tier.name < b.tier.name ? -1 : a.tier.name > b.tier.name ? 1 : a.region < b.region ? -1 : 1));
  for (const p of sortedPlacements) {
    // Every source gets a cell for every tier that has somewhere to receive traffic: a pass says "nothing undeclared".
    const receivers = p.interfaces.filter((e) => e.active);
    if (receivers.length === 0) continue;
    const sources: { name: string; kind: SourceKind }[] = [
      { name: INTERNET, kind: 'internet' },
      ...networks.map((n) => ({ name: n.name, kind: 'network' as const })),
      ...profile.tiers.filter((t) => t.name !== p.tier.name || profile.intraTier === 'judge').map((t) => ({ name: t.name, kind: 'tier' as const })),
    ];
    for (const s of sources) cellOf(s.name, s.kind, p.tier.name, p.region);
    const byClass = new Map<ClassM, EniM[]>();
    for (const e of receivers) {
      const list = byClass.get(e.cls!);
      if (list) list.push(e);
      else byClass.set(e.cls!, [e]);
    }
    for (const [dc, members] of byClass) {
      for (const s of sources) {
        const cell = cellOf(s.name, s.kind, p.tier.name, p.region);
        let traffic: Traffic = NOTHING;
        const contributions: { source: EniM; traffic: Traffic }[] = [];
        let externalPaths: FlowPath[] = [];
        if (s.kind === 'tier') {
          for (const v of model.neighbours.get(dc.rep.subnet.vpc.key) ?? []) {
            cell.regions.add(v.slice(0, v.indexOf('|')));
            for (const sc of classesBy.get(`${v}|${s.name}`) ?? []) {
              const pr = reach.classPair(sc, dc);
              cell.unknown.push(...pr.unknown);
              if (isNothing(pr.traffic)) continue;
              const fresh = subtract(pr.traffic, traffic);
              if (!isNothing(fresh)) contributions.push({ source: sc.rep, traffic: fresh });
              traffic = union(traffic, pr.traffic);
            }
          }
        } else {
          const ext =
            s.kind === 'internet'
              ? reach.fromSource(dc.rep, { internet: true, excluded: networks })
              : reach.fromSource(dc.rep, { internet: false, network: networks.find((n) => n.name === s.name)! });
          cell.unknown.push(...ext.unknown);
          traffic = ext.traffic;
          externalPaths = ext.paths;
        }
        if (isNothing(traffic)) continue;
        for (const e of members) cell.destinations.push({ eni: e, traffic, contributions, externalPaths: externalPaths.map((x) => ({ ...x, destination: e.eni.id })) });
        cell.actual = union(cell.actual, traffic);
      }
    }
  }
  for (const c of cells.values()) {
    c.undeclared = subtract(c.actual, c.declared);
    // What the internet may reach is allowed from everywhere, but must get through only from where it is declared.
    c.blocked = subtract(declaredExactly(profile, c.from, c.to), c.actual);
    c.destinations.sort((a, b) => (a.eni.key < b.eni.key ? -1 : 1));
    c.unknown = [...new Map(c.unknown.map((e) => [`${e.service}:${e.operation}|${e.region}|${e.resource ?? ''}|${e.path ?? ''}`, e])).values()];
  }
  const order = (x: Cell) => `${x.to}|${x.region}|${x.kind === 'internet' ? 0 : x.kind === 'network' ? 1 : 2}|${x.from}`;
  return {
    profile,
    reach,
    tierOf,
    placements: sortedPlacements,
    cells: [...cells.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)),
    unassigned,
  };
}

/** Paths for the given traffic into one destination (one per port range, at most `limit`). */
export function pathsFor(a: Analysis, cell: Cell, d: Destination, traffic: Traffic, limit = 5): FlowPath[] {
  const out: FlowPath[] = [];
  for (const { protocol, port } of representatives(traffic).slice(0, limit)) {
    if (cell.kind === 'tier') {
      const c = d.contributions.find((x) => !isNothing(intersect(x.traffic, single(protocol, port))));
      const path = c && a.reach.explainPair(c.source, d.eni, protocol, port);
      if (path) out.push(path);
    } else {
      const path = d.externalPaths.find((x) => x.protocol === protocol && !isNothing(intersect(single(protocol, x.port), single(protocol, port))));
      const any = path ?? d.externalPaths.find((x) => x.protocol === protocol);
      if (any) out.push(any);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// How much an undeclared flow matters
// ---------------------------------------------------------------------------

/** Remote administration: SSH, Telnet, RDP, WinRM, VNC. */
export const ADMIN_PORTS = [22, 23, 3389, 5985, 5986, 5900];
/** Databases and caches: SQL Server, Oracle, MySQL, PostgreSQL, Redis, memcached, MongoDB, Elasticsearch, CouchDB, Cassandra. */
export const DATA_PORTS = [1433, 1521, 3306, 5432, 6379, 11211, 27017, 9200, 5984, 9042];

const BASE: Record<Sensitivity, number> = { public: 3, internal: 2, restricted: 1, management: 1 };
const LEVELS = ['critical', 'high', 'medium', 'low'] as const;

export type PortClass = 'admin' | 'data' | 'other';

export function portClassOf(t: Traffic): PortClass {
  const has = (list: number[]) => list.some((p) => !isNothing(intersect(t, single('tcp', p))));
  return has(ADMIN_PORTS) ? 'admin' : has(DATA_PORTS) ? 'data' : 'other';
}

/**
 * The severity of an undeclared flow: by the destination tier (public low,
 * internal medium, restricted and management high), one step up for
 * administration or database ports, one step up from outside the account.
 */
export function driftSeverity(sensitivity: Sensitivity, t: Traffic, kind: SourceKind): (typeof LEVELS)[number] {
  let level = BASE[sensitivity];
  if (portClassOf(t) !== 'other') level--;
  if (kind !== 'tier') level--;
  return LEVELS[Math.max(0, level)]!;
}

export type { Protocol };
