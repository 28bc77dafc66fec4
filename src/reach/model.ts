/**
 * The network as the reachability engine sees it, built once per inventory:
 * subnets with their route table (longest-prefix order) and NACL, VPCs with
 * their gateways, security groups compiled to address sets and traffic,
 * network interfaces grouped into equivalence classes, peering and transit
 * gateway connectivity. Pure: no I/O; nothing here reads the clock.
 */
import type {
  CallError,
  Inventory,
  NetworkAcl,
  NetworkInterface,
  SecurityGroup,
  SecurityGroupRule,
  TransitGatewayAttachment,
  TransitGatewayRoute,
  VpcPeeringConnection,
} from '../inventory/types.js';
import { AddrSet, parseCidr, parseIp, type Cidr, type Family } from './ip.js';
import { NOTHING, trafficOf, union, type Traffic } from './ports.js';

export const key = (region: string, id: string): string => `${region}|${id}`;

export interface RouteM {
  cidr: Cidr;
  /** As written in the table: a CIDR or a prefix list id. */
  destination: string;
  target: string;
  blackhole: boolean;
}

export interface TableM {
  id: string;
  region: string;
  /** Longest prefix first, per family. */
  routes: Record<Family, RouteM[]>;
  /** Prefix lists the table routes to whose entries could not be read. */
  unknown: CallError[];
}

export interface VpcM {
  key: string;
  id: string;
  region: string;
  ownerId: string;
  cidrs: Record<Family, AddrSet>;
  igws: Set<string>;
  eigws: Set<string>;
  vgws: Set<string>;
}

export interface SubnetM {
  key: string;
  id: string;
  region: string;
  vpc: VpcM;
  availabilityZone?: string;
  cidr: Record<Family, AddrSet>;
  cidrText: { 4?: string; 6: string[] };
  table?: TableM;
  acl?: NetworkAcl;
  tags: Record<string, string>;
  /** CIDRs used somewhere in the region that lie strictly inside this subnet (they split its interfaces into classes). */
  inner: Record<Family, Cidr[]>;
}

/** A security-group rule compiled: its traffic, and whom it names. */
export interface RuleM {
  group: SecurityGroup;
  rule: SecurityGroupRule;
  traffic: Traffic;
  peer: { kind: 'addrs'; sets: Record<Family, AddrSet> } | { kind: 'group'; key: string } | { kind: 'unknown'; error: CallError };
}

export interface SgM {
  key: string;
  group: SecurityGroup;
  region: string;
  vpcKey?: string;
  ingress: RuleM[];
  egress: RuleM[];
  members: EniM[];
}

export interface EniM {
  key: string;
  eni: NetworkInterface;
  region: string;
  subnet: SubnetM;
  sgs: SgM[];
  sgKeys: Set<string>;
  /** Primary private addresses. */
  addr: { 4?: bigint; 6?: bigint };
  /** Public IPv4 addresses (auto-assigned, Elastic IP or service-owned). */
  publicIpv4: string[];
  /** Can send and receive now: attached (or a service's) and, for an instance, running. */
  active: boolean;
  /** Why not, when it cannot. */
  inactiveReason?: string;
  /** No security group applies (a network load balancer without groups, a gateway's interface). */
  sgless: boolean;
  /**
   * What the interface answers at all, whatever its groups admit: a load
   * balancer's interface only its listeners' ports, a NAT gateway's nothing
   * (it forwards what its subnet's hosts open, and accepts no connection
   * opened to it). Undefined: whatever the groups admit.
   */
  listens?: Traffic;
  /** Why it listens to so little, for the evidence. */
  listensWhy?: string;
  cls?: ClassM;
}

/** Interfaces that every rule, route and ACL treats alike: one evaluation stands for all of them. */
export interface ClassM {
  key: string;
  /** Position in `NetworkModel.classes`: a cheap key for caches of class pairs. */
  index: number;
  rep: EniM;
  members: EniM[];
}

export interface TgwM {
  key: string;
  id: string;
  region: string;
  ownerId: string;
  /** Attachments by VPC key (VPC attachments, available). */
  vpcAttachments: Map<string, TransitGatewayAttachment>;
  attachments: TransitGatewayAttachment[];
  /** Route table id -> routes (or why they could not be read); empty when the account cannot see them. */
  routeTables: Map<string, { routes: { cidr?: Cidr; prefixList?: string; route: TransitGatewayRoute }[] } | { error: CallError }>;
  /** Whether this account sees the gateway's route tables (it owns it). */
  visible: boolean;
  /** Transit gateways it is peered with (keys). */
  peers: Set<string>;
}

export interface PeeringM {
  id: string;
  conn: VpcPeeringConnection;
  active: boolean;
  a: string;
  b: string;
  aSide: VpcPeeringConnection['requester'];
  bSide: VpcPeeringConnection['accepter'];
}

export interface NetworkModel {
  inv: Inventory;
  vpcs: Map<string, VpcM>;
  subnets: Map<string, SubnetM>;
  sgs: Map<string, SgM>;
  enis: EniM[];
  enisByKey: Map<string, EniM>;
  /** region|private IPv4 -> interface (target groups of IP targets). */
  enisByIp: Map<string, EniM>;
  /** region|instance id -> its interfaces. */
  enisByInstance: Map<string, EniM[]>;
  classes: ClassM[];
  peerings: Map<string, PeeringM>;
  /** VPC key -> active peerings that touch it. */
  peeringsOfVpc: Map<string, PeeringM[]>;
  tgws: Map<string, TgwM>;
  /** VPC key -> keys of VPCs it may exchange traffic with (itself, peered, same or peered transit gateway). */
  neighbours: Map<string, Set<string>>;
  /** Prefix list key -> its CIDRs, or why not. */
  prefixLists: Map<string, { ok: true; cidrs: Cidr[] } | { ok: false; error: CallError }>;
}

const setsOf = (cidrs: readonly Cidr[]): Record<Family, AddrSet> => ({ 4: AddrSet.fromCidrs(4, cidrs), 6: AddrSet.fromCidrs(6, cidrs) });

const RUNNING = new Set(['running', 'pending']);

/** A group's ingress then egress rules, without copying either list (100k groups × several rules). */
function* rulesOf(g: SecurityGroup): Generator<SecurityGroupRule> {
  yield* g.ingress;
  yield* g.egress;
}

export function buildModel(inv: Inventory): NetworkModel {
  // Prefix lists: from the listing, and from the rules that name them (their entries ride on the rule).
  const prefixLists: NetworkModel['prefixLists'] = new Map();
  for (const p of inv.prefixLists) {
    prefixLists.set(key(p.region, p.id), p.entries.ok ? { ok: true, cidrs: p.entries.value.flatMap((c) => parseCidr(c) ?? []) } : { ok: false, error: p.entries.error });
  }
  for (const g of inv.securityGroups) {
    for (const r of rulesOf(g)) {
      if (r.peer.kind !== 'prefixList' || prefixLists.has(key(g.region, r.peer.value))) continue;
      prefixLists.set(key(g.region, r.peer.value), r.peer.cidrs.ok ? { ok: true, cidrs: r.peer.cidrs.value.flatMap((c) => parseCidr(c) ?? []) } : { ok: false, error: r.peer.cidrs.error });
    }
  }

  const vpcs = new Map<string, VpcM>();
  for (const v of inv.vpcs) {
    const cidrs = [...v.cidrBlocks, ...v.ipv6CidrBlocks].flatMap((c) => parseCidr(c) ?? []);
    vpcs.set(key(v.region, v.id), { key: key(v.region, v.id), id: v.id, region: v.region, ownerId: v.account, cidrs: setsOf(cidrs), igws: new Set(), eigws: new Set(), vgws: new Set() });
  }
  for (const g of inv.internetGateways) for (const id of g.vpcIds) vpcs.get(key(g.region, id))?.igws.add(g.id);
  for (const g of inv.egressOnlyInternetGateways) for (const id of g.vpcIds) vpcs.get(key(g.region, id))?.eigws.add(g.id);
  // A virtual private gateway carries traffic when attached and one of its VPN connections is up.
  const vpnUp = new Set(inv.vpnConnections.filter((c) => c.state === 'available' && (c.tunnels === 0 || c.tunnelsUp > 0)).flatMap((c) => (c.vpnGatewayId ? [key(c.region, c.vpnGatewayId)] : [])));
  for (const g of inv.vpnGateways) {
    if (g.state !== 'available' || !vpnUp.has(key(g.region, g.id))) continue;
    for (const id of g.vpcIds) vpcs.get(key(g.region, id))?.vgws.add(g.id);
  }

  const tables = new Map<string, TableM>();
  for (const t of inv.routeTables) {
    const routes: Record<Family, RouteM[]> = { 4: [], 6: [] };
    const unknown: CallError[] = [];
    for (const r of t.routes) {
      const blackhole = r.state === 'blackhole';
      if (r.destination.startsWith('pl-')) {
        const pl = prefixLists.get(key(t.region, r.destination));
        if (!pl) continue;
        if (!pl.ok) {
          unknown.push(pl.error);
          continue;
        }
        for (const c of pl.cidrs) routes[c.family].push({ cidr: c, destination: r.destination, target: r.target, blackhole });
        continue;
      }
      const c = parseCidr(r.destination);
      if (c) routes[c.family].push({ cidr: c, destination: r.destination, target: r.target, blackhole });
    }
    for (const f of [4, 6] as const) routes[f].sort((a, b) => b.cidr.prefix - a.cidr.prefix);
    tables.set(key(t.region, t.id), { id: t.id, region: t.region, routes, unknown });
  }
  const acls = new Map(inv.networkAcls.map((a) => [key(a.region, a.id), a]));

  // Every CIDR of a region that can split a subnet's interfaces: rule peers, prefix-list entries, NACL entries, routes.
  const regionCidrs = new Map<string, Cidr[]>();
  const addCidr = (region: string, c: Cidr | undefined) => {
    if (!c) return;
    const list = regionCidrs.get(region) ?? [];
    list.push(c);
    regionCidrs.set(region, list);
  };
  for (const g of inv.securityGroups) {
    for (const r of rulesOf(g)) {
      if (r.peer.kind === 'cidr4' || r.peer.kind === 'cidr6') addCidr(g.region, parseCidr(r.peer.value));
      if (r.peer.kind === 'prefixList') {
        const pl = prefixLists.get(key(g.region, r.peer.value));
        if (pl?.ok) for (const c of pl.cidrs) addCidr(g.region, c);
      }
    }
  }
  for (const a of inv.networkAcls) for (const e of a.entries) addCidr(a.region, parseCidr(e.cidr));
  for (const t of tables.values()) for (const f of [4, 6] as const) for (const r of t.routes[f]) addCidr(t.region, r.cidr);
  const sortedCidrs = new Map<string, Record<Family, Cidr[]>>();
  for (const [region, list] of regionCidrs) {
    // parseCidr gives one object per text: drop repeats by identity first, so the (bigint) text key is made per distinct CIDR only.
    const unique = [...new Map([...new Set(list)].map((c) => [`${c.family}|${c.lo}|${c.prefix}`, c])).values()];
    const byFamily: Record<Family, Cidr[]> = { 4: [], 6: [] };
    for (const c of unique) byFamily[c.family].push(c);
    for (const f of [4, 6] as const) byFamily[f].sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : a.prefix - b.prefix));
    sortedCidrs.set(region, byFamily);
  }
  const innerOf = (region: string, family: Family, outer: Cidr): Cidr[] => {
    const list = sortedCidrs.get(region)?.[family] ?? [];
    // First CIDR starting at or after the subnet's first address.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.lo < outer.lo) lo = mid + 1;
      else hi = mid;
    }
    const out: Cidr[] = [];
    for (let i = lo; i < list.length && list[i]!.lo <= outer.hi; i++) if (list[i]!.prefix > outer.prefix && list[i]!.hi <= outer.hi) out.push(list[i]!);
    return out;
  };

  const mainTable = new Map(inv.routeTables.filter((t) => t.isMain).map((t) => [key(t.region, t.vpcId), key(t.region, t.id)]));
  const subnets = new Map<string, SubnetM>();
  for (const s of inv.subnets) {
    const vpc = vpcs.get(key(s.region, s.vpcId));
    if (!vpc) continue;
    const c4 = s.cidrBlock ? parseCidr(s.cidrBlock) : undefined;
    const c6 = s.ipv6CidrBlocks.flatMap((c) => parseCidr(c) ?? []);
    const sm: SubnetM = {
      key: key(s.region, s.id),
      id: s.id,
      region: s.region,
      vpc,
      cidr: setsOf([...(c4 ? [c4] : []), ...c6]),
      cidrText: { ...(s.cidrBlock ? { 4: s.cidrBlock } : {}), 6: [...s.ipv6CidrBlocks] },
      tags: s.tags,
      inner: { 4: c4 ? innerOf(s.region, 4, c4) : [], 6: c6.flatMap((c) => innerOf(s.region, 6, c)) },
    };
    if (s.availabilityZone !== undefined) sm.availabilityZone = s.availabilityZone;
    const table = tables.get(s.routeTableId ? key(s.region, s.routeTableId) : (mainTable.get(key(s.region, s.vpcId)) ?? ''));
    if (table) sm.table = table;
    const acl = s.networkAclId ? acls.get(key(s.region, s.networkAclId)) : undefined;
    if (acl) sm.acl = acl;
    subnets.set(sm.key, sm);
  }

  // Address sets are immutable: rules naming the same CIDR (0.0.0.0/0, an office's) share one pair.
  const setsByCidr = new Map<string, Record<Family, AddrSet>>();
  const cidrSets = (text: string): Record<Family, AddrSet> => {
    let sets = setsByCidr.get(text);
    if (!sets) {
      const c = parseCidr(text);
      setsByCidr.set(text, (sets = setsOf(c ? [c] : [])));
    }
    return sets;
  };
  const sgs = new Map<string, SgM>();
  for (const g of inv.securityGroups) {
    const compile = (r: SecurityGroupRule): RuleM => {
      const traffic = trafficOf(r.protocol, r.fromPort === undefined ? undefined : { from: r.fromPort, to: r.toPort ?? r.fromPort });
      const p = r.peer;
      if (p.kind === 'securityGroup') return { group: g, rule: r, traffic, peer: { kind: 'group', key: key(g.region, p.value) } };
      if (p.kind === 'prefixList') {
        const pl = prefixLists.get(key(g.region, p.value));
        if (!pl || !pl.ok) return { group: g, rule: r, traffic, peer: { kind: 'unknown', error: pl && !pl.ok ? pl.error : (p.cidrs as { ok: false; error: CallError }).error } };
        return { group: g, rule: r, traffic, peer: { kind: 'addrs', sets: setsOf(pl.cidrs) } };
      }
      return { group: g, rule: r, traffic, peer: { kind: 'addrs', sets: cidrSets(p.value) } };
    };
    const sg: SgM = { key: key(g.region, g.id), group: g, region: g.region, ingress: g.ingress.map(compile), egress: g.egress.map(compile), members: [] };
    if (g.vpcId) sg.vpcKey = key(g.region, g.vpcId);
    sgs.set(sg.key, sg);
  }

  const instanceState = new Map(inv.instances.map((i) => [key(i.region, i.id), i.state]));
  const groupLists = new Map<string, { groups: SgM[]; keys: Set<string>; sorted: string }>();
  const sortedGroupsOf = new Map<EniM, string>();
  const enis: EniM[] = [];
  for (const e of inv.networkInterfaces) {
    const subnet = subnets.get(key(e.region, e.subnetId));
    if (!subnet) continue;
    const addr: EniM['addr'] = {};
    const a4 = e.privateIpv4[0] !== undefined ? parseIp(e.privateIpv4[0]) : undefined;
    if (a4) addr[4] = a4.value;
    const a6 = e.ipv6[0] !== undefined ? parseIp(e.ipv6[0]) : undefined;
    if (a6) addr[6] = a6.value;
    // Interfaces of one service or autoscaling group share their list of groups: resolve each list once, and share it.
    const listKey = `${e.region}|${e.securityGroupIds.join(',')}`;
    let list = groupLists.get(listKey);
    if (!list) {
      const resolved = e.securityGroupIds.flatMap((id) => sgs.get(key(e.region, id)) ?? []);
      const keys = new Set(resolved.map((g) => g.key));
      groupLists.set(listKey, (list = { groups: resolved, keys, sorted: [...keys].sort().join(',') }));
    }
    const groups = list.groups;
    const m: EniM = {
      key: key(e.region, e.id),
      eni: e,
      region: e.region,
      subnet,
      sgs: groups,
      sgKeys: list.keys,
      addr,
      publicIpv4: [...e.publicIpv4].sort(),
      active: true,
      sgless: e.securityGroupIds.length === 0,
    };
    if (e.status !== 'in-use' && e.status !== 'associated') {
      m.active = false;
      m.inactiveReason = `the interface is ${e.status} (attached to nothing)`;
    } else if (e.instanceId !== undefined) {
      const state = instanceState.get(key(e.region, e.instanceId));
      if (state !== undefined && !RUNNING.has(state)) {
        m.active = false;
        m.inactiveReason = `its instance ${e.instanceId} is ${state}`;
      }
    }
    for (const g of groups) g.members.push(m);
    sortedGroupsOf.set(m, list.sorted);
    enis.push(m);
  }
  enis.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  // Interfaces that listen to less than their groups admit: NAT gateways, load balancers (by the description AWS gives them).
  const lbBySuffix = new Map(inv.loadBalancers.map((lb) => [`${lb.region}|${lb.arn.slice(lb.arn.indexOf('loadbalancer/') + 'loadbalancer/'.length)}`, lb]));
  for (const m of enis) {
    if (m.eni.interfaceType === 'nat_gateway') {
      m.listens = NOTHING;
      m.listensWhy = `${m.eni.id} is a NAT gateway's interface, which accepts no connection opened to it`;
      continue;
    }
    const lbName = /^ELB ((?:app|net)\/[^/]+\/[0-9a-f]+)$/.exec(m.eni.description ?? '')?.[1];
    const lb = lbName !== undefined ? lbBySuffix.get(`${m.region}|${lbName}`) : undefined;
    if (!lb || !lb.listeners.ok) continue;
    let t: Traffic = NOTHING;
    for (const l of lb.listeners.value) {
      if (l.port === undefined) continue;
      const proto = (l.protocol ?? 'TCP').toUpperCase();
      if (proto !== 'UDP') t = union(t, trafficOf('6', { from: l.port, to: l.port }));
      if (proto === 'UDP' || proto === 'TCP_UDP') t = union(t, trafficOf('17', { from: l.port, to: l.port }));
    }
    m.listens = t;
    m.listensWhy = `${m.eni.id} belongs to load balancer ${lb.name ?? lb.id}, which answers only on its listeners' ports`;
  }

  // Equivalence classes: same subnet, groups, standing and the same inner CIDRs around their addresses.
  const byClass = new Map<string, ClassM>();
  for (const m of enis) {
    const sig = ([4, 6] as const)
      .map((f) => {
        const a = m.addr[f];
        if (a === undefined) return '-';
        return m.subnet.inner[f].flatMap((c, i) => (c.lo <= a && a <= c.hi ? [i] : [])).join('.');
      })
      .join('/');
    const k = [m.subnet.key, sortedGroupsOf.get(m)!, sig, m.publicIpv4.length > 0 ? 'p' : '', m.addr[6] !== undefined ? '6' : '', m.active ? 'a' : 'x', m.sgless ? 'o' : '', m.listensWhy ?? ''].join('#');
    let cls = byClass.get(k);
    if (!cls) byClass.set(k, (cls = { key: k, index: byClass.size, rep: m, members: [] }));
    cls.members.push(m);
    m.cls = cls;
  }

  const peerings = new Map<string, PeeringM>();
  const peeringsOfVpc = new Map<string, PeeringM[]>();
  for (const p of inv.vpcPeeringConnections) {
    if (peerings.has(p.id)) continue;
    const pm: PeeringM = { id: p.id, conn: p, active: p.status === 'active', a: key(p.requester.region, p.requester.vpcId), b: key(p.accepter.region, p.accepter.vpcId), aSide: p.requester, bSide: p.accepter };
    peerings.set(p.id, pm);
    if (!pm.active) continue;
    for (const v of [pm.a, pm.b]) peeringsOfVpc.set(v, [...(peeringsOfVpc.get(v) ?? []), pm]);
  }

  const tgws = new Map<string, TgwM>();
  const tgwOf = (region: string, id: string, ownerId: string): TgwM => {
    let t = tgws.get(key(region, id));
    if (!t) tgws.set(key(region, id), (t = { key: key(region, id), id, region, ownerId, vpcAttachments: new Map(), attachments: [], routeTables: new Map(), visible: false, peers: new Set() }));
    return t;
  };
  for (const g of inv.transitGateways) tgwOf(g.region, g.id, g.ownerId);
  for (const a of inv.transitGatewayAttachments) {
    if (a.state !== 'available') continue;
    const t = tgwOf(a.region, a.transitGatewayId, a.transitGatewayOwnerId);
    t.attachments.push(a);
    if (a.resourceType === 'vpc') t.vpcAttachments.set(key(a.region, a.resourceId), a);
  }
  for (const rt of inv.transitGatewayRouteTables) {
    const t = tgwOf(rt.region, rt.transitGatewayId, rt.account);
    t.visible = true;
    if (!rt.routes.ok) {
      t.routeTables.set(rt.id, { error: rt.routes.error });
      continue;
    }
    t.routeTables.set(rt.id, {
      routes: rt.routes.value.map((route) => (route.destination.startsWith('pl-') ? { prefixList: route.destination, route } : { cidr: parseCidr(route.destination)!, route })),
    });
  }
  // Peered transit gateways: a peering attachment names the peer gateway as its resource.
  const tgwById = new Map<string, TgwM[]>();
  for (const t of tgws.values()) tgwById.set(t.id, [...(tgwById.get(t.id) ?? []), t]);
  for (const t of tgws.values()) {
    for (const a of t.attachments) {
      if (a.resourceType !== 'peering' && a.resourceType !== 'tgw-peering') continue;
      for (const peer of tgwById.get(a.resourceId) ?? []) {
        t.peers.add(peer.key);
        peer.peers.add(t.key);
      }
    }
  }

  // Which VPCs can exchange traffic at all (a cheap filter before any pair is evaluated).
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const set = neighbours.get(x) ?? new Set([x]);
      set.add(y);
      neighbours.set(x, set);
    }
  };
  for (const v of vpcs.keys()) neighbours.set(v, neighbours.get(v) ?? new Set([v]));
  for (const p of peerings.values()) if (p.active) link(p.a, p.b);
  // Transit gateways joined by peering form one fabric.
  const fabric = (start: TgwM): TgwM[] => {
    const seen = new Set([start.key]);
    const stack = [start];
    const out: TgwM[] = [];
    while (stack.length) {
      const t = stack.pop()!;
      out.push(t);
      for (const p of t.peers) if (!seen.has(p)) {
        seen.add(p);
        stack.push(tgws.get(p)!);
      }
    }
    return out;
  };
  const done = new Set<string>();
  for (const t of tgws.values()) {
    if (done.has(t.key)) continue;
    const group = fabric(t);
    for (const g of group) done.add(g.key);
    const attached = group.flatMap((g) => [...g.vpcAttachments.keys()]);
    for (const a of attached) for (const b of attached) if (a < b) link(a, b);
  }

  const enisByKey = new Map(enis.map((m) => [m.key, m]));
  const enisByIp = new Map<string, EniM>();
  const enisByInstance = new Map<string, EniM[]>();
  for (const m of enis) {
    for (const ip of m.eni.privateIpv4) enisByIp.set(key(m.region, ip), m);
    if (m.eni.instanceId) enisByInstance.set(key(m.region, m.eni.instanceId), [...(enisByInstance.get(key(m.region, m.eni.instanceId)) ?? []), m]);
  }

  return {
    inv,
    vpcs,
    subnets,
    sgs,
    enis,
    enisByKey,
    enisByIp,
    enisByInstance,
    classes: [...byClass.values()],
    peerings,
    peeringsOfVpc,
    tgws,
    neighbours,
    prefixLists,
  };
}

/** The longest-prefix route of a table for one address (undefined: no route). */
export function lookup(table: TableM | undefined, family: Family, addr: bigint): RouteM | undefined {
  if (!table) return undefined;
  for (const r of table.routes[family]) if (r.cidr.lo <= addr && addr <= r.cidr.hi) return r;
  return undefined;
}
