import type { ListAnalyzersCommandOutput } from '@aws-sdk/client-accessanalyzer';
import type { Raw } from '../../inventory/base.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { AccessAnalyzerRegion } from './types.js';

function buildAccessAnalyzer(src: ServiceSource, region: string): AccessAnalyzerRegion {
  const listed = src.call<Raw<ListAnalyzersCommandOutput>>(region, 'accessanalyzer:ListAnalyzers');
  return {
    type: 'AWS::AccessAnalyzer::RegionSettings',
    arn: `arn:${src.partition}:access-analyzer:${region}:${src.accountId}:analyzer`,
    id: `access-analyzer/${region}`,
    account: src.accountId,
    region,
    tags: {},
    analyzers: (listed.ok && listed.value ? (listed.value.analyzers ?? []) : [])
      .map((a) => ({ name: a.name!, type: String(a.type), status: String(a.status) }))
      .sort((x, y) => (x.name < y.name ? -1 : 1)),
  };
}

export default defineService<{ accessAnalyzer: AccessAnalyzerRegion[] }>({
  name: 'accessanalyzer',
  title: 'IAM Access Analyzer',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ accessAnalyzer: src.regions.map((r) => buildAccessAnalyzer(src, r)) }),
  empty: () => ({ accessAnalyzer: [] }),
  collector: async () => (await import('./collect.js')).default,
});
