/**
 * `archscan arch init --snapshot FILE`: a starting architecture profile
 * (YAML) from what the account has today, to edit and commit, then pass to
 * `scan --arch`.
 */
import { stringify } from 'yaml';
import { buildInventory } from '../inventory/build.js';
import { initProfile } from '../reach/init.js';
import { parseArchitecture } from '../reach/load-profile.js';
import type { ArchitectureProfile } from '../reach/profile.js';
import { readSnapshot } from '../snapshot/read.js';
import type { Io } from './io.js';
import { writeFileAtomic } from './output.js';

export interface ArchInitOptions {
  snapshot: string;
  output?: string;
}

const HEADER = `# archscan architecture profile (schemas/architecture.schema.json), written by
# \`archscan arch init\` from what the account has today: tiers guessed from subnet tags
# (Tier, Segment) and route tables, flows from what is reachable now, the active peerings.
# Edit it into the design (rename tiers, add named networks such as the admin office,
# remove flows the design does not allow), commit it, and scan with --arch.
`;

/** The profile as YAML, keys in schema order, empty optional lists left out. */
export function profileYaml(p: ArchitectureProfile): string {
  const doc: Record<string, unknown> = { version: p.version };
  if (p.name !== undefined) doc['name'] = p.name;
  if (p.regions !== undefined) doc['regions'] = p.regions;
  doc['tiers'] = p.tiers.map((t) => ({
    name: t.name,
    sensitivity: t.sensitivity,
    publicAddresses: t.publicAddresses,
    ...(t.minAzs !== undefined ? { minAzs: t.minAzs } : {}),
    subnets: t.subnets,
  }));
  if (p.networks.length > 0) doc['networks'] = p.networks;
  doc['flows'] = p.flows.map((f) => ({ from: f.from, to: f.to, protocol: f.protocol, ...(f.ports.length > 0 ? { ports: f.ports.map((x) => (/^\d+$/.test(x) ? Number(x) : x)) } : {}) }));
  if (p.peering !== undefined) doc['peering'] = p.peering;
  return HEADER + stringify(doc, { lineWidth: 0, flowCollectionPadding: true, collectionStyle: 'block' });
}

export async function runArchInit(opts: ArchInitOptions, io: Io): Promise<number> {
  const inv = buildInventory(await readSnapshot(opts.snapshot));
  const text = profileYaml(initProfile(inv));
  // What we write must read back: a profile that does not parse is our bug, not the user's.
  parseArchitecture(text, opts.output ?? '<arch init>');
  if (opts.output !== undefined) await writeFileAtomic(opts.output, text);
  else io.stdout(text);
  return 0;
}
