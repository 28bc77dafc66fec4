import { defineService } from '../define.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';

/** STS holds no resources: the collector asks it who the credentials are. */
export default defineService<Record<never, never>>({
  name: 'sts',
  title: 'AWS Security Token Service',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: () => ({}),
  empty: () => ({}),
  collector: async () => (await import('./collect.js')).default,
});
