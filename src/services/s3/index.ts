import type { Trail } from '../cloudtrail/types.js';
import { defineService } from '../define.js';
import { accountPublicAccessBlock, buildS3, type S3Collections } from './adapter.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';

export default defineService<S3Collections, { trails: Trail[] }>({
  name: 's3',
  title: 'Amazon S3',
  operations: OPERATIONS,
  shapes: SHAPES,
  // Buckets name the trails that deliver logs to them.
  after: ['cloudtrail'],
  build: (src, prior) => buildS3(src, prior.trails),
  empty: ({ partition, accountId }) => ({
    s3AccountPublicAccessBlock: accountPublicAccessBlock(partition, accountId, { ok: true, value: null }),
    s3Buckets: [],
  }),
  collector: async () => (await import('./collect.js')).default,
});
