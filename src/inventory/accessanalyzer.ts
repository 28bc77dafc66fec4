import type { ListAnalyzersCommandOutput } from '@aws-sdk/client-accessanalyzer';
import type { CallSource, Raw } from './source.js';
import type { AccessAnalyzerRegion } from './types.js';

export function buildAccessAnalyzer(src: CallSource, region: string, partition: string): AccessAnalyzerRegion {
  const listed = src.call<Raw<ListAnalyzersCommandOutput>>(region, 'accessanalyzer:ListAnalyzers');
  return {
    type: 'AWS::AccessAnalyzer::RegionSettings',
    arn: `arn:${partition}:access-analyzer:${region}:${src.accountId}:analyzer`,
    id: `access-analyzer/${region}`,
    account: src.accountId,
    region,
    tags: {},
    analyzers: (listed.ok && listed.value ? (listed.value.analyzers ?? []) : [])
      .map((a) => ({ name: a.name ?? '', type: String(a.type ?? ''), status: String(a.status ?? '') }))
      .sort((x, y) => (x.name < y.name ? -1 : 1)),
  };
}
