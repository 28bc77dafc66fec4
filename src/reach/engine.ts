/**
 * Effective reachability: which traffic can actually pass from a source (a
 * network interface, the internet, a named network) to a network interface,
 * given route tables on both sides (longest-prefix match, blackhole routes;
 * an internet gateway needs a public address, NAT and egress-only gateways
 * admit nothing inbound; peering, transit gateway and VPN routes both ways),
 * network ACLs on both subnets (in rule order, stateless, return traffic on
 * ephemeral ports), and security groups (stateful; references to groups
 * resolved to their member interfaces, across peering too; prefix lists
 * expanded). IPv4 and IPv6 are judged apart. Every reachable flow can be
 * explained: the route, the ACL entries and the security-group rules.
 *
 * Pure and deterministic: a function of the inventory, computed once per
 * inventory and memoised (`reachOf`).
 */
import type { CallError, Inventory, LoadBalancer, NetworkAclEntry, SecurityGroupRule, TargetGroup } from '../inventory/types.js';
import { AddrSet, bitsOf, formatIp, isInternetSized, parseCidr, PUBLIC, type Family } from './ip.js';
import { buildModel, key, lookup, type ClassM, type EniM, type NetworkModel, type RouteM, type RuleM, type SgM, type SubnetM, type TgwM } from './model.js';
import { naclAllowed, naclDecider, returnPort, withReturn } from './nacl.js';
import {
  EVERYTHING,
  formatPorts,
  hasPort,
  intersect,
  intersectPorts,
  isNothing,
  NOTHING,
  portsOf,
  representatives,
  single,
  union,
  type PortSet,
  type Protocol,
  type Traffic,
} from './ports.js';

export interface ReachOptions {
  /** A set of public addresses at least as large as one block of this prefix length counts as the internet (default 8). */
  internetPrefix: number;
}

export const DEFAULT_OPTIONS: ReachOptions = { internetPrefix: 8 };

/** A named network outside AWS (an office, a partner's VPN ranges, on-premises). */
export interface ExternalNetwork {
  name: string;
  cidrs: string[];
}

/** One hop of a path as evidence. */
export interface RouteHop {
  table: string;
  destination: string;
  target: string;
}

export interface NaclHop {
  acl: string;
  subnet: string;
  direction: 'inbound' | 'outbound';
  /** The request, or the return traffic on an ephemeral port. */
  leg: 'request' | 'return';
  ruleNumber: number;
  action: 'allow' | 'deny';
  cidr: string;
}

export interface SgHop {
  group: string;
  direction: 'ingress' | 'egress';
  protocol: string;
  ports: string;
  peer: string;
}

/** How one port of a flow gets through: what an auditor quotes. */
export interface FlowPath {
  source: string;
  destination: string;
  protocol: Protocol;
  port: number;
  family: 'ipv4' | 'ipv6';
  /** The route the request takes out of the source subnet (internal flows). */
  route?: RouteHop;
  /** The route the destination's subnet sends the answer back on. */
  returnRoute: RouteHop;
  /** Peering connections and transit gateways crossed. */
  via: string[];
  nacl: NaclHop[];
  securityGroups: SgHop[];
  /** A load balancer the flow enters through (internet to a target). */
  loadBalancer?: { arn: string; listenerPort: number; targetGroup: string; targetPort: number };
  /** A hop whose policy this account cannot see (a transit gateway owned elsewhere): assumed to pass. */
  assumed?: string[];
}

/** What reaches one interface from one external source. */
export interface ExternalReach {
  /** Ports reachable from the source (for the internet: from an internet-sized set of public addresses). */
  traffic: Traffic;
  /** Per family. */
  byFamily: Record<'ipv4' | 'ipv6', Traffic>;
  /** One explained path per port range reached. */
  paths: FlowPath[];
  /** Data the answer depends on that could not be read. */
  unknown: CallError[];
  /** Why nothing reaches it, when nothing does (no public address, no route, ...). */
  blockedBy?: string;
}

export interface PairReach {
  traffic: Traffic;
  unknown: CallError[];
}

/** Through an internet-facing load balancer to one of its targets. */
export interface ViaLoadBalancer {
  loadBalancer: string;
  scheme: string;
  listenerPort: number;
  targetGroup: string;
  targetPort: number;
  traffic: Traffic;
  path?: FlowPath;
}

const FAMILIES = [4, 6] as const;
// Most pairs of a large account reach nothing and know everything (35,196 of 57,170 in the reach bench): one shared answer, not as many equal objects kept alive.
const NO_ERRORS: CallError[] = Object.freeze([]) as unknown as CallError[];
const NO_PAIR: PairReach = Object.freeze({ traffic: NOTHING, unknown: NO_ERRORS });
const famName = (f: Family): 'ipv4' | 'ipv6' => (f === 4 ? 'ipv4' : 'ipv6');

function ruleHop(r: RuleM): SgHop {
  const rule: SecurityGroupRule = r.rule;
  const ports =
    rule.protocol === '-1' || rule.fromPort === undefined || rule.fromPort === -1 ? 'all' : rule.fromPort === rule.toPort ? String(rule.fromPort) : `${rule.fromPort}-${rule.toPort}`;
  return { group: r.group.id, direction: rule.direction, protocol: rule.protocol, ports, peer: rule.peer.value };
}

function naclHop(sub: SubnetM, direction: 'inbound' | 'outbound', leg: 'request' | 'return', e: NetworkAclEntry | undefined): NaclHop {
  if (!e) return { acl: sub.acl?.id ?? '(none)', subnet: sub.id, direction, leg, ruleNumber: 32767, action: 'deny', cidr: '*' };
  return { acl: sub.acl!.id, subnet: sub.id, direction, leg, ruleNumber: e.ruleNumber, action: e.action, cidr: e.cidr };
}

const hop = (table: string, r: RouteM): RouteHop => ({ table, destination: r.destination, target: r.target });

export class Reach {
  readonly model: NetworkModel;
  // Keyed by source index × class count + destination index: a number hashes far cheaper than two joined class keys.
  private readonly pairCache = new Map<number, PairReach>();
  private readonly internetCache = new Map<string, ExternalReach>();

  constructor(
    readonly inv: Inventory,
    readonly options: ReachOptions = DEFAULT_OPTIONS,
  ) {
    this.model = buildModel(inv);
  }

  eni(region: string, id: string): EniM | undefined {
    return this.model.enisByKey.get(key(region, id));
  }

  // -------------------------------------------------------------------------
  // Routing
  // -------------------------------------------------------------------------

  /**
   * Whether `route` (in a table of `from`'s VPC) delivers to `to`'s VPC the
   * address `addr`: the local route within one VPC, an active peering between
   * the two, or a transit gateway that routes the address to `to`'s VPC.
   */
  private leads(route: RouteM | undefined, fromVpc: string, toVpc: string, family: Family, addr: bigint, via: string[], assumed: string[], unknown: CallError[]): boolean {
    if (!route || route.blackhole) return false;
    const t = route.target;
    if (t === 'local') return fromVpc === toVpc;
    if (t.startsWith('pcx-')) {
      const p = this.model.peerings.get(t);
      if (!p?.active) return false;
      const ok = (p.a === fromVpc && p.b === toVpc) || (p.b === fromVpc && p.a === toVpc);
      if (ok) via.push(t);
      return ok;
    }
    if (t.startsWith('tgw-')) {
      const region = fromVpc.slice(0, fromVpc.indexOf('|'));
      const tgw = this.model.tgws.get(key(region, t));
      if (!tgw) return false;
      return this.tgwDelivers(tgw, fromVpc, toVpc, family, addr, via, assumed, unknown, 0);
    }
    return false;
  }

  private tgwDelivers(tgw: TgwM, fromVpc: string, toVpc: string, family: Family, addr: bigint, via: string[], assumed: string[], unknown: CallError[], depth: number, fromAttachment?: string): boolean {
    const attachment = fromAttachment ?? tgw.vpcAttachments.get(fromVpc)?.id;
    if (attachment === undefined) return false;
    if (!tgw.visible) {
      // Owned by another account: its route tables cannot be read from here. Assume it routes between what is attached to it.
      const reaches = tgw.vpcAttachments.has(toVpc) || [...tgw.peers].some((p) => this.model.tgws.get(p)?.vpcAttachments.has(toVpc));
      if (reaches) {
        via.push(tgw.id);
        assumed.push(`${tgw.id} (route tables owned by ${tgw.ownerId}, not visible from this account)`);
      }
      return reaches;
    }
    const att = tgw.attachments.find((a) => a.id === attachment);
    const table = att?.routeTableId ? tgw.routeTables.get(att.routeTableId) : undefined;
    if (!table) return false;
    if ('error' in table) {
      unknown.push(table.error);
      return false;
    }
    let best: (typeof table.routes)[number] | undefined;
    for (const r of table.routes) {
      let cidrs = r.cidr ? [r.cidr] : [];
      if (r.prefixList) {
        const pl = this.model.prefixLists.get(key(tgw.region, r.prefixList));
        if (!pl) continue;
        if (!pl.ok) {
          unknown.push(pl.error);
          continue;
        }
        cidrs = pl.cidrs;
      }
      for (const c of cidrs) if (c.family === family && c.lo <= addr && addr <= c.hi && (!best || c.prefix > (best.cidr?.prefix ?? -1))) best = { ...r, cidr: c };
    }
    if (!best || best.route.state !== 'active') return false;
    for (const a of best.route.attachments) {
      if (a.resourceType === 'vpc') {
        const target = tgw.attachments.find((x) => x.id === a.id);
        if (target && key(target.region, target.resourceId) === toVpc) {
          via.push(tgw.id);
          return true;
        }
      }
      if ((a.resourceType === 'peering' || a.resourceType === 'tgw-peering') && depth < 3) {
        for (const p of tgw.peers) {
          const peer = this.model.tgws.get(p)!;
          const back = peer.attachments.find((x) => (x.resourceType === 'peering' || x.resourceType === 'tgw-peering') && x.resourceId === tgw.id);
          if (back && this.tgwDelivers(peer, fromVpc, toVpc, family, addr, via, assumed, unknown, depth + 1, back.id)) {
            via.push(tgw.id);
            return true;
          }
        }
      }
    }
    return false;
  }

  // -------------------------------------------------------------------------
  // Security groups
  // -------------------------------------------------------------------------

  /** Whether a group reference on a rule of `sg` names interface `peer` in a way AWS honours (same VPC, or across peering in a region). */
  private refMatches(sg: SgM, ruleKey: string, peer: EniM): boolean {
    if (!peer.sgKeys.has(ruleKey)) return false;
    if (!sg.vpcKey || sg.vpcKey === peer.subnet.vpc.key) return true;
    return (this.model.peeringsOfVpc.get(sg.vpcKey) ?? []).some((p) => p.a.split('|')[0] === p.b.split('|')[0] && (p.a === peer.subnet.vpc.key || p.b === peer.subnet.vpc.key));
  }

  /** Traffic the groups of `self` admit in `direction` for a peer interface (or address), and the rules that did. */
  private sgAdmits(self: EniM, direction: 'ingress' | 'egress', family: Family, peer: { eni?: EniM; addr?: bigint }, unknown: CallError[], rules?: RuleM[]): Traffic {
    const t = this.groupsAdmit(self, direction, family, peer, unknown, rules);
    // A load balancer answers only on its listeners, a NAT gateway on nothing, whatever the groups say.
    return direction === 'ingress' && self.listens ? intersect(t, self.listens) : t;
  }

  private groupsAdmit(self: EniM, direction: 'ingress' | 'egress', family: Family, peer: { eni?: EniM; addr?: bigint }, unknown: CallError[], rules?: RuleM[]): Traffic {
    if (self.sgless) return EVERYTHING;
    let t: Traffic = NOTHING;
    for (const sg of self.sgs) {
      for (const r of direction === 'ingress' ? sg.ingress : sg.egress) {
        let match = false;
        if (r.peer.kind === 'addrs') match = peer.addr !== undefined && r.peer.sets[family].has(peer.addr);
        else if (r.peer.kind === 'group') match = peer.eni !== undefined && this.refMatches(sg, r.peer.key, peer.eni);
        else if (!isNothing(r.traffic)) unknown.push(r.peer.error);
        if (!match) continue;
        t = union(t, r.traffic);
        rules?.push(r);
      }
    }
    return t;
  }

  // -------------------------------------------------------------------------
  // Interface to interface
  // -------------------------------------------------------------------------

  /** Traffic interface `s` can open to interface `d` (one evaluation per pair of classes). */
  between(s: EniM, d: EniM): PairReach {
    return this.classPair(s.cls!, d.cls!);
  }

  classPair(sc: ClassM, dc: ClassM): PairReach {
    const k = sc.index * this.model.classes.length + dc.index;
    let r = this.pairCache.get(k);
    if (!r) this.pairCache.set(k, (r = this.evaluatePair(sc.rep, dc.rep)));
    return r;
  }

  private evaluatePair(s: EniM, d: EniM): PairReach {
    if (!s.active || !d.active || s === d) return NO_PAIR;
    // A NAT gateway opens no connection of its own: it translates what the hosts behind it open to the internet.
    if (s.eni.interfaceType === 'nat_gateway') return NO_PAIR;
    if (!this.model.neighbours.get(s.subnet.vpc.key)?.has(d.subnet.vpc.key)) return NO_PAIR;
    const unknown: CallError[] = [];
    let total: Traffic = NOTHING;
    for (const f of FAMILIES) {
      const t = this.familyPair(s, d, f, unknown);
      total = union(total, t);
    }
    if (unknown.length === 0) return isNothing(total) ? NO_PAIR : { traffic: total, unknown: NO_ERRORS };
    return { traffic: total, unknown: dedupe(unknown) };
  }

  private familyPair(s: EniM, d: EniM, f: Family, unknown: CallError[], trace?: { via: string[]; assumed: string[] }): Traffic {
    const sa = s.addr[f];
    const da = d.addr[f];
    if (sa === undefined || da === undefined) return NOTHING;
    const via: string[] = [];
    const assumed: string[] = [];
    const ss = s.subnet;
    const ds = d.subnet;
    if (ss.table) unknown.push(...ss.table.unknown);
    if (ds.table) unknown.push(...ds.table.unknown);
    if (!this.leads(lookup(ss.table, f, da), ss.vpc.key, ds.vpc.key, f, da, via, assumed, unknown)) return NOTHING;
    if (!this.leads(lookup(ds.table, f, sa), ds.vpc.key, ss.vpc.key, f, sa, via, assumed, unknown)) return NOTHING;
    let t: Traffic = EVERYTHING;
    if (ss.key !== ds.key) {
      const forward = intersect(naclAllowed(ss.acl, 'out', f, da), naclAllowed(ds.acl, 'in', f, sa));
      const back = intersect(naclAllowed(ds.acl, 'out', f, sa), naclAllowed(ss.acl, 'in', f, da));
      t = withReturn(forward, back);
      if (isNothing(t)) return NOTHING;
    }
    t = intersect(t, this.sgAdmits(d, 'ingress', f, { eni: s, addr: sa }, unknown));
    if (isNothing(t)) return NOTHING;
    t = intersect(t, this.sgAdmits(s, 'egress', f, { eni: d, addr: da }, unknown));
    if (trace) {
      trace.via.push(...via);
      trace.assumed.push(...assumed);
    }
    return t;
  }

  /** The path one port of an interface-to-interface flow takes (undefined when that port does not pass). */
  explainPair(s: EniM, d: EniM, protocol: Protocol, port: number): FlowPath | undefined {
    for (const f of FAMILIES) {
      const trace = { via: [] as string[], assumed: [] as string[] };
      const t = this.familyPair(s, d, f, [], trace);
      if (isNothing(intersect(t, single(protocol, port)))) continue;
      const sa = s.addr[f]!;
      const da = d.addr[f]!;
      const out = lookup(s.subnet.table, f, da)!;
      const back = lookup(d.subnet.table, f, sa)!;
      const nacl: NaclHop[] = [];
      if (s.subnet.key !== d.subnet.key) {
        const retOut = naclAllowed(d.subnet.acl, 'out', f, sa);
        const rp = returnPort(retOut, protocol);
        nacl.push(
          naclHop(s.subnet, 'outbound', 'request', naclDecider(s.subnet.acl, 'out', f, da, protocol, port)),
          naclHop(d.subnet, 'inbound', 'request', naclDecider(d.subnet.acl, 'in', f, sa, protocol, port)),
          naclHop(d.subnet, 'outbound', 'return', naclDecider(d.subnet.acl, 'out', f, sa, protocol, rp)),
          naclHop(s.subnet, 'inbound', 'return', naclDecider(s.subnet.acl, 'in', f, da, protocol, rp)),
        );
      }
      const inRules: RuleM[] = [];
      const egRules: RuleM[] = [];
      this.sgAdmits(d, 'ingress', f, { eni: s, addr: sa }, [], inRules);
      this.sgAdmits(s, 'egress', f, { eni: d, addr: da }, [], egRules);
      const admits = (r: RuleM) => !isNothing(intersect(r.traffic, single(protocol, port)));
      const path: FlowPath = {
        source: s.eni.id,
        destination: d.eni.id,
        protocol,
        port,
        family: famName(f),
        route: hop(s.subnet.table!.id, out),
        returnRoute: hop(d.subnet.table!.id, back),
        via: [...new Set(trace.via)],
        nacl,
        securityGroups: [
          ...(s.sgless ? [] : egRules.filter(admits).slice(0, 1).map(ruleHop)),
          ...(d.sgless ? [] : inRules.filter(admits).slice(0, 1).map(ruleHop)),
        ],
      };
      if (trace.assumed.length) path.assumed = [...new Set(trace.assumed)];
      return path;
    }
    return undefined;
  }

  /**
   * Why one port does not pass from `s` to `d`: the first layer that stops
   * it (route out, route back, an ACL entry, no security-group rule), in words
   * an auditor can check against the console.
   */
  diagnosePair(s: EniM, d: EniM, protocol: Protocol, port: number): string {
    if (!s.active) return `${s.eni.id} cannot send: ${s.inactiveReason}`;
    if (!d.active) return `${d.eni.id} cannot receive: ${d.inactiveReason}`;
    const want = single(protocol, port);
    const reasons: string[] = [];
    for (const f of FAMILIES) {
      const sa = s.addr[f];
      const da = d.addr[f];
      if (sa === undefined || da === undefined) continue;
      const at = (x: bigint) => formatIp(f, x);
      const ss = s.subnet;
      const ds = d.subnet;
      const out = lookup(ss.table, f, da);
      if (!this.leads(out, ss.vpc.key, ds.vpc.key, f, da, [], [], [])) {
        reasons.push(out ? `${ss.table!.id} sends ${at(da)} to ${out.target}${out.blackhole ? ' (blackhole)' : ''}, which does not lead to ${ds.vpc.id}` : `${ss.table?.id ?? ss.id} has no route to ${at(da)}`);
        continue;
      }
      const back = lookup(ds.table, f, sa);
      if (!this.leads(back, ds.vpc.key, ss.vpc.key, f, sa, [], [], [])) {
        reasons.push(back ? `${ds.table!.id} sends the answer to ${at(sa)} to ${back.target}${back.blackhole ? ' (blackhole)' : ''}, not back to ${ss.vpc.id}` : `${ds.table?.id ?? ds.id} has no route back to ${at(sa)}`);
        continue;
      }
      if (ss.key !== ds.key) {
        const legs: [SubnetM, 'in' | 'out', bigint, string][] = [
          [ss, 'out', da, 'outbound'],
          [ds, 'in', sa, 'inbound'],
        ];
        const stop = legs.find(([sub, dir, peer]) => isNothing(intersect(naclAllowed(sub.acl, dir, f, peer), want)));
        if (stop) {
          const [sub, dir, peer, word] = stop;
          const e = naclDecider(sub.acl, dir, f, peer, protocol, port);
          reasons.push(`network ACL ${sub.acl?.id ?? '(none)'} of ${sub.id} denies ${word} ${protocol} ${port} ${dir === 'out' ? 'to' : 'from'} ${at(peer)} (${e ? `rule ${e.ruleNumber}` : 'the final deny'})`);
          continue;
        }
        const back2 = intersect(naclAllowed(ds.acl, 'out', f, sa), naclAllowed(ss.acl, 'in', f, da));
        if (isNothing(intersect(withReturn(want, back2), want))) {
          reasons.push(`the network ACLs of ${ds.id} and ${ss.id} let no ${protocol} answer back on the ephemeral ports 1024-65535`);
          continue;
        }
      }
      if (isNothing(intersect(this.sgAdmits(d, 'ingress', f, { eni: s, addr: sa }, []), want))) {
        reasons.push(`no ingress rule of ${d.sgs.map((g) => g.group.id).join(', ')} admits ${protocol} ${port} from ${s.eni.id} (${at(sa)})`);
        continue;
      }
      if (isNothing(intersect(this.sgAdmits(s, 'egress', f, { eni: d, addr: da }, []), want))) {
        reasons.push(`no egress rule of ${s.sgs.map((g) => g.group.id).join(', ')} lets ${protocol} ${port} out to ${d.eni.id} (${at(da)})`);
        continue;
      }
      return 'it passes';
    }
    return reasons[0] ?? `${s.eni.id} and ${d.eni.id} share no address family`;
  }

  // -------------------------------------------------------------------------
  // From outside AWS
  // -------------------------------------------------------------------------

  /** What reaches interface `d` from the internet at large. */
  fromInternet(d: EniM): ExternalReach {
    // One evaluation per class of interfaces; the paths name each interface itself.
    const rep = d.cls!.rep;
    let r = this.internetCache.get(rep.cls!.key);
    if (!r) this.internetCache.set(rep.cls!.key, (r = this.external(rep, { internet: true, sets: { 4: PUBLIC[4], 6: PUBLIC[6] }, label: 'internet' })));
    if (rep === d) return r;
    const blockedBy = r.blockedBy?.split(rep.eni.id).join(d.eni.id);
    return { ...r, paths: r.paths.map((p) => ({ ...p, destination: d.eni.id })), ...(blockedBy !== undefined ? { blockedBy } : {}) };
  }

  /**
   * What reaches `d` from the internet minus `excluded` networks (declared
   * separately), or from a named network.
   */
  fromSource(d: EniM, source: { internet: true; excluded: ExternalNetwork[] } | { internet: false; network: ExternalNetwork }): ExternalReach {
    if (source.internet) {
      if (source.excluded.length === 0) return this.fromInternet(d);
      const sets = { 4: PUBLIC[4], 6: PUBLIC[6] };
      for (const n of source.excluded) for (const f of FAMILIES) sets[f] = sets[f].subtract(setOf(f, n.cidrs));
      return this.external(d, { internet: true, sets, label: 'internet' });
    }
    return this.external(d, { internet: false, sets: { 4: setOf(4, source.network.cidrs), 6: setOf(6, source.network.cidrs) }, label: source.network.name });
  }

  private external(d: EniM, src: { internet: boolean; sets: Record<Family, AddrSet>; label: string }): ExternalReach {
    const unknown: CallError[] = [];
    const byFamily: Record<'ipv4' | 'ipv6', Traffic> = { ipv4: NOTHING, ipv6: NOTHING };
    const paths: FlowPath[] = [];
    const reasons: string[] = [];
    if (!d.active) return { traffic: NOTHING, byFamily, paths, unknown, blockedBy: d.inactiveReason! };
    if (d.listens && isNothing(d.listens)) return { traffic: NOTHING, byFamily, paths, unknown, blockedBy: d.listensWhy! };
    const sub = d.subnet;
    if (sub.table) unknown.push(...sub.table.unknown);
    for (const f of FAMILIES) {
      const pieces = this.externalPieces(d, f, src, unknown, reasons);
      // The internet is an internet-sized set of public addresses; a named network is any of its addresses.
      const traffic = src.internet ? internetTraffic(pieces, f, this.options.internetPrefix) : pieces.reduce((t, p) => union(t, p.traffic), NOTHING);
      byFamily[famName(f)] = traffic;
      for (const { protocol, port } of representatives(traffic)) {
        const piece = [...pieces].filter((p) => !isNothing(intersect(p.traffic, single(protocol, port)))).sort((a, b) => (b.addrs.size > a.addrs.size ? 1 : -1))[0];
        if (piece) paths.push(this.explainExternal(d, f, piece, protocol, port, src.label));
      }
    }
    const traffic = union(byFamily.ipv4, byFamily.ipv6);
    const out: ExternalReach = { traffic, byFamily, paths, unknown: dedupe(unknown) };
    if (isNothing(traffic)) out.blockedBy = [...new Set(reasons)].join('; ') || 'no security-group rule, ACL entry and route admit it';
    return out;
  }

  /**
   * The source's addresses that can reach `d` over family `f`, split into
   * pieces that every route, ACL entry and rule treats alike, each with the
   * traffic it gets through.
   */
  private externalPieces(d: EniM, f: Family, src: { internet: boolean; sets: Record<Family, AddrSet> }, unknown: CallError[], reasons: string[]): Piece[] {
    const sub = d.subnet;
    const vpc = sub.vpc;
    let addrs = src.sets[f];
    if (addrs.isEmpty) return [];
    const pieces: Piece[] = [];
    // The answer goes back by the destination subnet's routes: split the source by them (longest prefix first).
    let rest = addrs;
    const routed: { addrs: AddrSet; route: RouteM }[] = [];
    for (const r of sub.table?.routes[f] ?? []) {
      const part = rest.intersect(AddrSet.fromCidrs(f, [r.cidr]));
      if (part.isEmpty) continue;
      routed.push({ addrs: part, route: r });
      rest = rest.subtract(part);
      if (rest.isEmpty) break;
    }
    const hasPublic = f === 4 ? d.publicIpv4.length > 0 : d.addr[6] !== undefined;
    for (const { addrs: part, route } of routed) {
      let admitted = part;
      const t = route.target;
      if (route.blackhole) {
        reasons.push(`${route.destination} is a blackhole route in ${sub.table!.id}`);
        continue;
      }
      if (t.startsWith('igw-') && vpc.igws.has(t)) {
        if (!hasPublic) {
          reasons.push(f === 4 ? `${d.eni.id} has no public IPv4 address` : `${d.eni.id} has no IPv6 address`);
          continue;
        }
        admitted = part.intersect(PUBLIC[f]);
      } else if (src.internet) {
        if (t.startsWith('nat-')) reasons.push(`the answer to ${route.destination} goes to NAT gateway ${t}, which admits no inbound connection`);
        else if (t.startsWith('eigw-')) reasons.push(`the answer to ${route.destination} goes to egress-only gateway ${t}, which admits no inbound connection`);
        else if (t.startsWith('tgw-')) reasons.push(`the answer to ${route.destination} goes to transit gateway ${t}, not to an internet gateway`);
        else reasons.push(`the answer to ${route.destination} goes to ${t}, not to an internet gateway`);
        continue;
      } else if (t.startsWith('vgw-')) {
        if (!vpc.vgws.has(t)) {
          reasons.push(`virtual private gateway ${t} has no VPN connection up`);
          continue;
        }
      } else if (t.startsWith('tgw-')) {
        const tgw = this.model.tgws.get(key(vpc.region, t));
        const external = tgw && (!tgw.visible || tgw.attachments.some((a) => a.resourceType !== 'vpc'));
        if (!external) {
          reasons.push(`transit gateway ${t} has no VPN, Direct Connect or peering attachment`);
          continue;
        }
      } else if (t.startsWith('pcx-')) {
        const p = this.model.peerings.get(t);
        const other = p?.a === vpc.key ? p.bSide : p?.aSide;
        if (!p?.active || !other || this.model.vpcs.has(key(other.region, other.vpcId))) {
          reasons.push(`peering ${t} leads to a VPC of this inventory, not to ${'the network'}`);
          continue;
        }
        admitted = part.intersect(setOf(f, [...other.cidrBlocks, ...other.ipv6CidrBlocks]));
      } else {
        reasons.push(`the answer to ${route.destination} goes to ${t}`);
        continue;
      }
      if (admitted.isEmpty) continue;
      for (const atom of atoms(admitted, boundaries(d, f))) {
        const rep = atom.first!;
        let traffic = withReturn(naclAllowed(sub.acl, 'in', f, rep), naclAllowed(sub.acl, 'out', f, rep));
        if (!sub.acl) reasons.push(`${sub.id} has no network ACL in the snapshot`);
        if (isNothing(traffic)) {
          reasons.push(`network ACL ${sub.acl?.id ?? '(none)'} denies it`);
          continue;
        }
        const rules: RuleM[] = [];
        traffic = intersect(traffic, this.sgAdmits(d, 'ingress', f, { addr: rep }, unknown, rules));
        if (isNothing(traffic)) {
          reasons.push(`no rule of ${d.sgs.map((g) => g.group.id).join(', ') || 'its security groups'} admits it`);
          continue;
        }
        pieces.push({ addrs: atom, traffic, route });
      }
    }
    if (routed.length === 0) reasons.push(`${sub.table?.id ?? 'its route table'} has no route back`);
    return pieces;
  }

  private explainExternal(d: EniM, f: Family, piece: Piece, protocol: Protocol, port: number, label: string): FlowPath {
    const rep = piece.addrs.first!;
    const sub = d.subnet;
    const rules: RuleM[] = [];
    this.sgAdmits(d, 'ingress', f, { addr: rep }, [], rules);
    const admits = rules.filter((r) => !isNothing(intersect(r.traffic, single(protocol, port))));
    const back = naclAllowed(sub.acl, 'out', f, rep);
    const cidrs = piece.addrs.toCidrs();
    const path: FlowPath = {
      // The internet is named as such; a named network with the part of its ranges that gets through.
      source: label === 'internet' ? 'internet' : `${label} (${cidrs.length > 3 ? `${cidrs.slice(0, 3).join(', ')}, ...` : cidrs.join(', ')})`,
      destination: d.eni.id,
      protocol,
      port,
      family: famName(f),
      returnRoute: hop(sub.table!.id, piece.route),
      via: piece.route.target === 'local' ? [] : [piece.route.target],
      nacl: [
        naclHop(sub, 'inbound', 'request', naclDecider(sub.acl, 'in', f, rep, protocol, port)),
        naclHop(sub, 'outbound', 'return', naclDecider(sub.acl, 'out', f, rep, protocol, returnPort(back, protocol))),
      ],
      securityGroups: d.sgless ? [] : admits.slice(0, 1).map(ruleHop),
    };
    return path;
  }

  // -------------------------------------------------------------------------
  // Through load balancers
  // -------------------------------------------------------------------------

  /**
   * The internet reaching `d` through an internet-facing load balancer it is a
   * target of: the listener reachable from the internet, and then the load
   * balancer's interfaces reaching the target on its port (an ALB, or an NLB
   * without client IP preservation); with client IP preservation (an NLB's
   * instance targets) the target must admit the internet itself.
   */
  viaLoadBalancers(d: EniM): ViaLoadBalancer[] {
    const out: ViaLoadBalancer[] = [];
    if (!d.active) return out;
    for (const { lb, group, targetPort } of this.targetsOf(d)) {
      if (lb.scheme !== 'internet-facing' || !lb.listeners.ok) continue;
      const lbEnis = this.interfacesOf(lb);
      for (const l of lb.listeners.value) {
        if (l.port === undefined || !l.defaultActions.some((a) => a.targetGroupArns?.includes(group.arn))) continue;
        const listenerProto: Protocol = (l.protocol ?? '').toUpperCase() === 'UDP' ? 'udp' : 'tcp';
        const front = lbEnis.find((e) => !isNothing(intersect(this.fromInternet(e).traffic, single(listenerProto, l.port!))));
        if (!front) continue;
        const preserve = lb.lbType === 'network' && group.targetType === 'instance';
        const targetProto: Protocol = (group.protocol ?? '').toUpperCase() === 'UDP' ? 'udp' : 'tcp';
        let traffic: Traffic = NOTHING;
        let path: FlowPath | undefined;
        if (preserve) {
          const reach = this.targetAdmitsInternet(d, targetProto, targetPort);
          traffic = reach;
        } else {
          const inside = lbEnis.find((e) => !isNothing(intersect(this.between(e, d).traffic, single(targetProto, targetPort))));
          if (inside) {
            traffic = single(targetProto, targetPort);
            path = this.explainPair(inside, d, targetProto, targetPort);
          }
        }
        if (isNothing(traffic)) continue;
        const item: ViaLoadBalancer = { loadBalancer: lb.arn, scheme: lb.scheme, listenerPort: l.port, targetGroup: group.arn, targetPort, traffic };
        if (path) item.path = { ...path, loadBalancer: { arn: lb.arn, listenerPort: l.port, targetGroup: group.arn, targetPort } };
        out.push(item);
      }
    }
    return out.sort((a, b) => (a.loadBalancer < b.loadBalancer ? -1 : a.loadBalancer > b.loadBalancer ? 1 : a.listenerPort - b.listenerPort));
  }

  /** With client IP preservation the target's own ACL and groups must admit internet addresses (the answer goes back through the load balancer). */
  private targetAdmitsInternet(d: EniM, protocol: Protocol, port: number): Traffic {
    const want = single(protocol, port);
    for (const f of FAMILIES) {
      if (d.addr[f] === undefined) continue;
      for (const atom of atoms(PUBLIC[f], boundaries(d, f))) {
        const rep = atom.first!;
        let t = withReturn(naclAllowed(d.subnet.acl, 'in', f, rep), naclAllowed(d.subnet.acl, 'out', f, rep));
        t = intersect(intersect(t, want), this.sgAdmits(d, 'ingress', f, { addr: rep }, []));
        if (!isNothing(t) && isInternetSized(atom, this.options.internetPrefix)) return t;
      }
    }
    return NOTHING;
  }

  private lbIndex?: Map<string, { lb: LoadBalancer; group: TargetGroup; targetPort: number }[]>;

  /** Load balancers, target groups and ports `d` is registered with. */
  private targetsOf(d: EniM): { lb: LoadBalancer; group: TargetGroup; targetPort: number }[] {
    if (!this.lbIndex) {
      const index = new Map<string, { lb: LoadBalancer; group: TargetGroup; targetPort: number }[]>();
      const lbs = new Map(this.inv.loadBalancers.map((lb) => [lb.arn, lb]));
      for (const g of this.inv.targetGroups) {
        if (!g.targets.ok) continue;
        for (const t of g.targets.value) {
          const port = t.port ?? g.port;
          if (port === undefined) continue;
          const enis =
            g.targetType === 'instance'
              ? (this.model.enisByInstance.get(key(g.region, t.id)) ?? []).filter((e) => (e.eni.deviceIndex ?? 0) === 0)
              : g.targetType === 'ip'
                ? [this.model.enisByIp.get(key(g.region, t.id))].filter((e): e is EniM => e !== undefined)
                : [];
          for (const e of enis) {
            for (const arn of g.loadBalancerArns) {
              const lb = lbs.get(arn);
              if (lb) index.set(e.key, [...(index.get(e.key) ?? []), { lb, group: g, targetPort: port }]);
            }
          }
        }
      }
      this.lbIndex = index;
    }
    return this.lbIndex.get(d.key) ?? [];
  }

  /** A load balancer's own interfaces (ELB names them in their description). */
  interfacesOf(lb: LoadBalancer): EniM[] {
    const tail = lb.arn.slice(lb.arn.indexOf(':loadbalancer/') + ':loadbalancer/'.length);
    const description = `ELB ${tail}`;
    return this.model.enis.filter((e) => e.region === lb.region && e.eni.description === description);
  }
}

interface Piece {
  addrs: AddrSet;
  traffic: Traffic;
  route: RouteM;
}

function setOf(f: Family, cidrs: readonly string[]): AddrSet {
  return AddrSet.fromCidrs(
    f,
    cidrs.flatMap((c) => parseCidr(c) ?? []),
  );
}

/** Every CIDR that can split `d`'s peers: its subnet's ACL entries and its groups' rules. */
function boundaries(d: EniM, f: Family): AddrSet[] {
  const out: AddrSet[] = [];
  for (const e of d.subnet.acl?.entries ?? []) {
    const c = parseCidr(e.cidr);
    if (c && c.family === f) out.push(AddrSet.fromCidrs(f, [c]));
  }
  for (const sg of d.sgs) for (const r of sg.ingress) if (r.peer.kind === 'addrs' && !r.peer.sets[f].isEmpty) out.push(r.peer.sets[f]);
  return out;
}

/** `set` cut at every boundary of the given sets, so each piece lies wholly inside or outside each of them. */
function atoms(set: AddrSet, cuts: readonly AddrSet[]): AddrSet[] {
  const points = new Set<bigint>();
  for (const c of cuts) for (let i = 0; i < c.ranges.length; i += 2) points.add(c.ranges[i]!), points.add(c.ranges[i + 1]! + 1n);
  const sorted = [...points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: AddrSet[] = [];
  for (let i = 0; i < set.ranges.length; i += 2) {
    let lo = set.ranges[i]!;
    const hi = set.ranges[i + 1]!;
    for (const p of sorted) {
      if (p <= lo) continue;
      if (p > hi) break;
      out.push(AddrSet.of(set.family, [[lo, p - 1n]]));
      lo = p;
    }
    out.push(AddrSet.of(set.family, [[lo, hi]]));
  }
  return out;
}

/**
 * The ports an internet-sized share of public addresses reaches: per port
 * range, the public addresses of every piece that admits it are added up
 * (elementary ranges between the pieces' boundaries, not single ports).
 */
function internetTraffic(pieces: Piece[], f: Family, prefix: number): Traffic {
  const needed = 1n << BigInt(Math.max(0, bitsOf(f) - prefix));
  const sized = pieces.map((p) => ({ t: p.traffic, n: p.addrs.intersect(PUBLIC[f]).size }));
  const perProtocol = (pick: (t: Traffic) => PortSet): PortSet => {
    const cuts = new Set<number>();
    for (const { t } of sized) {
      const ports = pick(t);
      for (let i = 0; i < ports.length; i += 2) cuts.add(ports[i]!), cuts.add(ports[i + 1]! + 1);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const ranges: [number, number][] = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const lo = sorted[i]!;
      const hi = sorted[i + 1]! - 1;
      let n = 0n;
      for (const { t, n: size } of sized) if (hasPort(pick(t), lo)) n += size;
      if (n >= needed) ranges.push([lo, hi]);
    }
    return portsOf(ranges);
  };
  let icmp = 0n;
  for (const { t, n } of sized) if (t.icmp) icmp += n;
  return { tcp: perProtocol((t) => t.tcp), udp: perProtocol((t) => t.udp), icmp: icmp >= needed };
}

function dedupe(errors: CallError[]): CallError[] {
  const seen = new Map<string, CallError>();
  for (const e of errors) seen.set(`${e.service}:${e.operation}|${e.region}|${e.resource ?? ''}|${e.path ?? ''}`, e);
  return [...seen.values()];
}

const memo = new WeakMap<Inventory, Map<string, Reach>>();

/** The reachability of an inventory, computed once per inventory and options. */
export function reachOf(inv: Inventory, options: Partial<ReachOptions> = {}): Reach {
  const o: ReachOptions = { ...DEFAULT_OPTIONS, ...options };
  const k = JSON.stringify(o);
  let byOptions = memo.get(inv);
  if (!byOptions) memo.set(inv, (byOptions = new Map()));
  let r = byOptions.get(k);
  if (!r) byOptions.set(k, (r = new Reach(inv, o)));
  return r;
}

export { formatIp, formatPorts };
