/** IAM Access Analyzer: analyzers of each region. */
import type { OperationSpec } from '../spec.js';

export const SDK = { accessanalyzer: '@aws-sdk/client-accessanalyzer' } as const;

export const OPERATIONS = [
  {
    key: 'accessanalyzer:ListAnalyzers',
    scope: 'regional',
    iamAction: 'access-analyzer:ListAnalyzers',
    needs: { ListAnalyzersResponse: ['analyzers'], AnalyzerSummary: ['name', 'type', 'status'] },
  },
] as const satisfies readonly OperationSpec[];
