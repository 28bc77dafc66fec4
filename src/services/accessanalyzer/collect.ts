/** How Access Analyzer's operations are sent (loaded only for a live collection). */
import { AccessAnalyzerClient, ListAnalyzersCommand, paginateListAnalyzers } from '@aws-sdk/client-accessanalyzer';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    'accessanalyzer:ListAnalyzers': { client: AccessAnalyzerClient, command: ListAnalyzersCommand, paginator: paginateListAnalyzers, pageSize: 100 },
  },
};

export default collector;
