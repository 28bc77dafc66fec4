import { defineService } from '../define.js';
import { buildKms } from './adapter.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { KmsKey } from './types.js';

export default defineService<{ kmsKeys: KmsKey[] }>({
  name: 'kms',
  title: 'AWS Key Management Service',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ kmsKeys: src.regions.flatMap((r) => buildKms(src, r)) }),
  empty: () => ({ kmsKeys: [] }),
  collector: async () => (await import('./collect.js')).default,
});
