/** How Inspector's operations are sent (loaded only for a live collection). */
import { BatchGetAccountStatusCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import type { ServiceCollector } from '../define.js';

const collector: ServiceCollector = {
  bindings: {
    // No account ids: the calling account's status.
    'inspector2:BatchGetAccountStatus': { client: Inspector2Client, command: BatchGetAccountStatusCommand, input: {} },
  },
};

export default collector;
