import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';

interface SupportEnd {
  version: string;
  /** End of standard support (YYYY-MM-DD). */
  date: string;
}

interface Params {
  oldestSupportedVersion: string;
  endOfStandardSupport: SupportEnd[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['oldestSupportedVersion', 'endOfStandardSupport'],
  properties: {
    oldestSupportedVersion: { type: 'string', pattern: '^(\\d+\\.\\d+)?$' },
    endOfStandardSupport: {
      type: 'array',
      uniqueItems: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['version', 'date'],
        properties: { version: { type: 'string', pattern: '^\\d+\\.\\d+$' }, date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
      },
    },
  },
};

const SOURCE = 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html (Amazon EKS Kubernetes release calendar)';

/** End of standard support per Kubernetes minor version, from the Amazon EKS Kubernetes release calendar. */
const CALENDAR: readonly SupportEnd[] = [
  { version: '1.28', date: '2024-11-26' },
  { version: '1.29', date: '2025-03-23' },
  { version: '1.30', date: '2025-07-23' },
  { version: '1.31', date: '2025-11-26' },
  { version: '1.32', date: '2026-03-23' },
  { version: '1.33', date: '2026-07-29' },
  { version: '1.34', date: '2026-12-02' },
  { version: '1.35', date: '2027-03-27' },
];

const minor = (v: string): [number, number] => v.split('.').map(Number) as [number, number];
const compare = (a: string, b: string): number => {
  const [a1, a2] = minor(a);
  const [b1, b2] = minor(b);
  return a1 - b1 || a2 - b2;
};

export default defineCheck<Params>({
  id: 'eks-cluster-version-supported',
  title: 'EKS clusters run a Kubernetes version still in standard support',
  severity: 'medium',
  resourceType: 'AWS::EKS::Cluster',
  requires: ['eks:ListClusters', 'eks:DescribeCluster'],
  rationale:
    'A Kubernetes minor version gets upstream security fixes for about 14 months; after EKS standard support ends it runs ' +
    'on paid extended support and then is upgraded by AWS on AWS\'s schedule. Staying current is how the control plane ' +
    'and its add-ons keep receiving security patches (PCI DSS 6.3.3, MAS Notice 655 para 4.2).',
  remediation:
    'Upgrade the cluster one minor version at a time after checking deprecated APIs and add-on compatibility (EKS console > ' +
    'the cluster > Upgrade now, or `aws eks update-cluster-version --name <cluster> --kubernetes-version <next>`), then ' +
    'upgrade the node groups and add-ons.',
  schema,
  defaults: { oldestSupportedVersion: '', endOfStandardSupport: [...CALENDAR] },
  paramDocs: {
    oldestSupportedVersion: 'the oldest acceptable Kubernetes minor version (`1.33`); empty: the oldest version whose end of standard support in `endOfStandardSupport` is after the snapshot',
    endOfStandardSupport: 'per Kubernetes minor version, the end of EKS standard support (`{version, date}`), from AWS\'s EKS release calendar',
  },
  evaluate(inv, { oldestSupportedVersion, endOfStandardSupport }) {
    const today = inv.collectedAt.slice(0, 10);
    const ends = new Map(endOfStandardSupport.map((e) => [e.version, e.date]));
    const stillSupported = endOfStandardSupport.filter((e) => e.date > today).map((e) => e.version).sort(compare);
    const oldest = oldestSupportedVersion !== '' ? oldestSupportedVersion : stillSupported[0];
    return inv.eksClusters.map((c) => {
      if (!c.detail.ok) return error(c, c.detail.error);
      const version = c.detail.value.version;
      const end = ends.get(version) ?? null;
      const evidence = { version, platformVersion: c.detail.value.platformVersion ?? null, endOfStandardSupport: end, oldestSupportedVersion: oldest ?? null, source: SOURCE };
      if (oldest === undefined) return fail(c, `EKS cluster ${c.id} runs Kubernetes ${version}, and no version of the calendar is in standard support any more: update the calendar parameter.`, evidence);
      if (compare(version, oldest) < 0) {
        const since = end !== null ? `, out of standard support since ${end}` : '';
        return fail(c, `EKS cluster ${c.id} runs Kubernetes ${version}, older than ${oldest}${since}.`, evidence);
      }
      return pass(c, `EKS cluster ${c.id} runs Kubernetes ${version}${end !== null ? `, in standard support until ${end}` : ''}.`, evidence);
    });
  },
});
