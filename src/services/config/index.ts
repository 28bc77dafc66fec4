import { defineService } from '../define.js';
import { buildConfig } from './adapter.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { ConfigRegion } from './types.js';

export default defineService<{ config: ConfigRegion[] }>({
  name: 'config',
  title: 'AWS Config',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ config: src.regions.map((r) => buildConfig(src, r)) }),
  empty: () => ({ config: [] }),
  collector: async () => (await import('./collect.js')).default,
});
