/**
 * The tier × tier matrix the report carries (`assessment.architecture`):
 * for every source (the internet, each named network, each tier) and every
 * destination tier, what the profile declares and what actually gets
 * through, across regions. Plain data, sorted: reporters render it
 * (src/reporters/architecture.ts) without knowing the engine.
 */
import type { Inventory } from '../inventory/types.js';
import { analysisOf, type Cell } from './analysis.js';
import { formatTraffic, intersect, isNothing, NOTHING, subtract, union, type Traffic } from './ports.js';
import { declared, declaredExactly, sourcesOf, type Sensitivity } from './profile.js';

/** How a cell's actual traffic compares with what is declared. */
export type CellState = 'as-declared' | 'undeclared' | 'blocked' | 'undeclared-and-blocked' | 'unknown';

export interface MatrixCell {
  from: string;
  to: string;
  /** `tcp 443; udp 53` or `nothing` (formatTraffic). */
  declared: string;
  actual: string;
  /** The actual traffic the profile allows (actual minus undeclared): the diagram's declared-and-reachable arrow. */
  allowed: string;
  undeclared: string;
  blocked: string;
  state: CellState;
  /** Destination interfaces reached. */
  interfaces: number;
  regions: string[];
}

export interface ArchitectureSection {
  name?: string;
  description?: string;
  regions?: string[];
  tiers: {
    name: string;
    sensitivity: Sensitivity;
    publicAddresses: boolean;
    minAzs?: number;
    placements: { region: string; subnets: string[]; availabilityZones: string[]; interfaces: number }[];
  }[];
  networks: { name: string; cidrs: string[] }[];
  /** Row order: internet, named networks, tiers. */
  sources: string[];
  /** Column order: the tiers. */
  destinations: string[];
  /** Every (source, tier) pair with something declared or something reachable. */
  cells: MatrixCell[];
  /** Subnets in no tier. */
  unassignedSubnets: { region: string; subnet: string }[];
}

function stateOf(undeclared: Traffic, blocked: Traffic, unknown: boolean): CellState {
  if (unknown) return 'unknown';
  const u = !isNothing(undeclared);
  const b = !isNothing(blocked);
  return u && b ? 'undeclared-and-blocked' : u ? 'undeclared' : b ? 'blocked' : 'as-declared';
}

/** The matrix of an inventory held against its profile (`inv.architecture`). */
export function architectureSection(inv: Inventory): ArchitectureSection {
  const a = analysisOf(inv)!;
  const p = a.profile;
  const byPair = new Map<string, Cell[]>();
  for (const c of a.cells) byPair.set(`${c.from}|${c.to}`, [...(byPair.get(`${c.from}|${c.to}`) ?? []), c]);
  const cells: MatrixCell[] = [];
  for (const from of sourcesOf(p)) {
    for (const t of p.tiers) {
      const list = byPair.get(`${from}|${t.name}`) ?? [];
      const decl = declared(p, from, t.name);
      const actual = list.reduce((x, c) => union(x, c.actual), NOTHING);
      if (isNothing(declaredExactly(p, from, t.name)) && isNothing(actual)) continue;
      const undeclared = subtract(actual, decl);
      const blocked = subtract(declaredExactly(p, from, t.name), actual);
      cells.push({
        from,
        to: t.name,
        declared: formatTraffic(decl),
        actual: formatTraffic(actual),
        allowed: formatTraffic(intersect(actual, decl)),
        undeclared: formatTraffic(undeclared),
        blocked: formatTraffic(blocked),
        state: stateOf(undeclared, blocked, list.some((c) => c.unknown.length > 0)),
        interfaces: new Set(list.flatMap((c) => c.destinations.map((d) => d.eni.key))).size,
        regions: [...new Set(list.filter((c) => !isNothing(c.actual)).map((c) => c.region))].sort(),
      });
    }
  }
  const section: ArchitectureSection = {
    tiers: p.tiers.map((t) => {
      const tier: ArchitectureSection['tiers'][number] = {
        name: t.name,
        sensitivity: t.sensitivity,
        publicAddresses: t.publicAddresses,
        placements: a.placements
          .filter((x) => x.tier.name === t.name)
          .map((x) => ({
            region: x.region,
            subnets: x.subnets.map((s) => s.id).sort(),
            availabilityZones: [...new Set(x.subnets.flatMap((s) => (s.availabilityZone ? [s.availabilityZone] : [])))].sort(),
            interfaces: x.interfaces.filter((e) => e.active).length,
          })),
      };
      if (t.minAzs !== undefined) tier.minAzs = t.minAzs;
      return tier;
    }),
    networks: p.networks.map((n) => ({ name: n.name, cidrs: [...n.cidrs] })),
    sources: sourcesOf(p),
    destinations: p.tiers.map((t) => t.name),
    cells,
    unassignedSubnets: a.unassigned,
  };
  if (p.name !== undefined) section.name = p.name;
  if (p.description !== undefined) section.description = p.description;
  if (p.regions !== undefined) section.regions = [...p.regions];
  return section;
}
