import { defineService } from '../define.js';
import { buildTrails } from './adapter.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { Trail } from './types.js';

export default defineService<{ trails: Trail[] }>({
  name: 'cloudtrail',
  title: 'AWS CloudTrail',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ trails: buildTrails(src) }),
  empty: () => ({ trails: [] }),
  collector: async () => (await import('./collect.js')).default,
});
