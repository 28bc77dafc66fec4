/**
 * The declared architecture (an architecture profile, `scan --arch FILE`,
 * schemas/architecture.schema.json): allowed regions, tiers of subnets with
 * their sensitivity, minimum availability zones and whether they may hold
 * public addresses, named external networks, the allowed flows, and which
 * VPCs may be peered. Types and pure helpers only: the YAML is read by
 * load-profile.ts.
 */
import { ALL_PORTS, EVERYTHING, NO_PORTS, portsOf, type PortSet, type Traffic, union, NOTHING } from './ports.js';

export type Sensitivity = 'public' | 'internal' | 'restricted' | 'management';

export interface SubnetSelector {
  tags?: Record<string, string>;
  ids?: string[];
  cidrs?: string[];
  vpcs?: string[];
  vpcTags?: Record<string, string>;
}

export interface TierSpec {
  name: string;
  description?: string;
  sensitivity: Sensitivity;
  subnets: SubnetSelector[];
  minAzs?: number;
  regions?: string[];
  publicAddresses: boolean;
}

export interface NetworkSpec {
  name: string;
  description?: string;
  cidrs: string[];
}

export type FlowProtocol = 'tcp' | 'udp' | 'icmp' | 'all';

export interface FlowSpec {
  from: string;
  to: string;
  protocol: FlowProtocol;
  /** `22`, `1024-65535`; empty for icmp and all. */
  ports: string[];
  description?: string;
}

export interface PeeringSpec {
  between: [string, string];
  description?: string;
}

export interface ArchitectureProfile {
  version: 1;
  name?: string;
  description?: string;
  regions?: string[];
  internetPrefix: number;
  intraTier: 'ignore' | 'judge';
  tiers: TierSpec[];
  networks: NetworkSpec[];
  flows: FlowSpec[];
  /** Absent: peering is not judged. */
  peering?: PeeringSpec[];
}

/** The built-in source: every public address not in a named network. */
export const INTERNET = 'internet';

export function portSetOf(ports: readonly string[]): PortSet {
  if (ports.length === 0) return ALL_PORTS;
  return portsOf(
    ports.map((p) => {
      const [a, b] = p.split('-').map(Number) as [number, number | undefined];
      return [a, b ?? a] as const;
    }),
  );
}

/** The traffic a declared flow allows. */
export function flowTraffic(flow: FlowSpec): Traffic {
  switch (flow.protocol) {
    case 'all':
      return EVERYTHING;
    case 'icmp':
      return { tcp: NO_PORTS, udp: NO_PORTS, icmp: true };
    case 'tcp':
      return { tcp: portSetOf(flow.ports), udp: NO_PORTS, icmp: false };
    case 'udp':
      return { tcp: NO_PORTS, udp: portSetOf(flow.ports), icmp: false };
  }
}

/**
 * Everything declared from `from` to `to`. What the internet may reach is a
 * public service, and every source may reach it too: the admin office and
 * the application servers reaching the public load balancer are declared.
 */
export function declared(profile: ArchitectureProfile, from: string, to: string): Traffic {
  return profile.flows.filter((f) => (f.from === from || f.from === INTERNET) && f.to === to).reduce((t, f) => union(t, flowTraffic(f)), NOTHING);
}

/** Only the flows declared from `from` itself: what must get through (a blocked flow is one of these). */
export function declaredExactly(profile: ArchitectureProfile, from: string, to: string): Traffic {
  return profile.flows.filter((f) => f.from === from && f.to === to).reduce((t, f) => union(t, flowTraffic(f)), NOTHING);
}

/** Sources of flows, in profile order: the internet, named networks, tiers. */
export function sourcesOf(profile: ArchitectureProfile): string[] {
  return [INTERNET, ...profile.networks.map((n) => n.name), ...profile.tiers.map((t) => t.name)];
}

export function tierSpec(profile: ArchitectureProfile, name: string): TierSpec | undefined {
  return profile.tiers.find((t) => t.name === name);
}

/** The regions a tier may be in (its own list, else the profile's; undefined: not judged). */
export function allowedRegions(profile: ArchitectureProfile, tier: TierSpec): string[] | undefined {
  return tier.regions ?? profile.regions;
}
