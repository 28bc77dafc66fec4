/** IAM Access Analyzer in the typed inventory. */
import type { Resource } from '../../inventory/base.js';

/** IAM Access Analyzer as seen in one region. */
export interface AccessAnalyzerRegion extends Resource {
  type: 'AWS::AccessAnalyzer::RegionSettings';
  analyzers: { name: string; type: string; status: string }[];
}
