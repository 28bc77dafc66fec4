import { AccessAnalyzerClient, paginateListAnalyzers } from '@aws-sdk/client-accessanalyzer';
import type { ClientConfig } from './clients.js';
import { allPages } from './paginate.js';
import type { Recorder } from './recorder.js';

/** IAM Access Analyzer analyzers of one region. */
export async function collectAccessAnalyzer(rec: Recorder, region: string, config: ClientConfig): Promise<void> {
  const client = new AccessAnalyzerClient(config);
  await rec.record(region, [['accessanalyzer:ListAnalyzers', () => allPages(paginateListAnalyzers({ client, pageSize: 100 }, {}))]]);
  client.destroy();
}
