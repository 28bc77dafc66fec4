/**
 * Reading an architecture profile (YAML): validated against
 * schemas/architecture.schema.json, then for what a schema cannot say (a
 * flow naming an unknown tier, a CIDR that does not parse, a name used twice).
 * Bad input is an InputError naming the file, the line and what was expected.
 */
import { InputError } from '../errors.js';
import { readTextFile } from '../files.js';
import { YamlFile } from '../rules/load.js';
import { describeAjvError, validatorFor } from '../schemas.js';
import { parseCidr } from './ip.js';
import { INTERNET, type ArchitectureProfile, type FlowProtocol, type NetworkSpec, type Sensitivity, type SubnetSelector, type TierSpec } from './profile.js';

interface Raw {
  version: 1;
  name?: string;
  description?: string;
  regions?: string[];
  internetPrefix?: number;
  intraTier?: 'ignore' | 'judge';
  tiers: { name: string; description?: string; sensitivity?: Sensitivity; subnets: SubnetSelector[]; minAzs?: number; regions?: string[]; publicAddresses?: boolean }[];
  networks?: NetworkSpec[];
  flows?: { from: string; to: string; protocol?: FlowProtocol; ports?: (number | string)[]; description?: string }[];
  peering?: { between: [string, string]; description?: string }[];
}

export function parseArchitecture(text: string, file: string): ArchitectureProfile {
  const yaml = YamlFile.parse(text, file);
  const validate = validatorFor('architecture.schema.json');
  if (!validate(yaml.data)) {
    const err = validate.errors![validate.errors!.length - 1]!;
    throw new InputError(file, yaml.where(err.instancePath), describeAjvError(err));
  }
  const raw = yaml.data as Raw;
  const fail = (pointer: string, expected: string): never => {
    throw new InputError(file, yaml.where(pointer), expected);
  };
  const names = new Map<string, string>();
  const claim = (name: string, pointer: string) => {
    if (name === INTERNET) fail(pointer, `a name other than "${INTERNET}" (the built-in network of every public address)`);
    if (names.has(name)) fail(pointer, `a unique name; "${name}" is also used at ${names.get(name)}`);
    names.set(name, pointer);
  };
  const cidrs = (list: string[] | undefined, pointer: string) =>
    (list ?? []).forEach((c, i) => {
      if (!parseCidr(c)) fail(`${pointer}/${i}`, `an IPv4 or IPv6 CIDR block, not "${c}"`);
    });

  const tiers: TierSpec[] = raw.tiers.map((t, i) => {
    claim(t.name, `/tiers/${i}/name`);
    t.subnets.forEach((s, k) => cidrs(s.cidrs, `/tiers/${i}/subnets/${k}/cidrs`));
    const tier: TierSpec = { name: t.name, sensitivity: t.sensitivity ?? 'internal', subnets: t.subnets, publicAddresses: t.publicAddresses ?? false };
    if (t.description !== undefined) tier.description = t.description;
    if (t.minAzs !== undefined) tier.minAzs = t.minAzs;
    if (t.regions !== undefined) tier.regions = t.regions;
    return tier;
  });
  const networks: NetworkSpec[] = (raw.networks ?? []).map((n, i) => {
    claim(n.name, `/networks/${i}/name`);
    cidrs(n.cidrs, `/networks/${i}/cidrs`);
    return n;
  });
  const tierNames = new Set(tiers.map((t) => t.name));
  const sources = new Set([INTERNET, ...networks.map((n) => n.name), ...tierNames]);
  const flows = (raw.flows ?? []).map((f, i) => {
    if (!sources.has(f.from)) fail(`/flows/${i}/from`, `internet, a named network or a tier (${[...sources].join(', ')}), not "${f.from}"`);
    if (!tierNames.has(f.to)) fail(`/flows/${i}/to`, `a tier (${[...tierNames].join(', ')}), not "${f.to}"`);
    const protocol = f.protocol ?? 'tcp';
    if ((protocol === 'tcp' || protocol === 'udp') && (f.ports ?? []).length === 0) fail(`/flows/${i}`, `ports for a ${protocol} flow`);
    if ((protocol === 'icmp' || protocol === 'all') && f.ports !== undefined) fail(`/flows/${i}/ports`, `no ports for a flow of protocol ${protocol}`);
    const ports = (f.ports ?? []).map((p, k) => {
      const text = String(p);
      const [a, b] = text.split('-').map(Number) as [number, number | undefined];
      if (a > 65535 || (b !== undefined && (b > 65535 || b < a))) fail(`/flows/${i}/ports/${k}`, `a port 0-65535 or a range from-to with from <= to, not "${text}"`);
      return text;
    });
    return { from: f.from, to: f.to, protocol, ports, ...(f.description !== undefined ? { description: f.description } : {}) };
  });
  const profile: ArchitectureProfile = { version: 1, internetPrefix: raw.internetPrefix ?? 8, intraTier: raw.intraTier ?? 'ignore', tiers, networks, flows };
  if (raw.name !== undefined) profile.name = raw.name;
  if (raw.description !== undefined) profile.description = raw.description;
  if (raw.regions !== undefined) profile.regions = raw.regions;
  if (raw.peering !== undefined) {
    profile.peering = raw.peering.map((p, i) => {
      if (p.between[0] === p.between[1]) fail(`/peering/${i}/between`, 'two different VPCs');
      return { between: [...p.between].sort() as [string, string], ...(p.description !== undefined ? { description: p.description } : {}) };
    });
  }
  return profile;
}

/** `scan --arch FILE`: the profile in a YAML file. */
export function loadArchitecture(file: string): ArchitectureProfile {
  return parseArchitecture(readTextFile(file, 'an architecture profile (YAML)'), file);
}
