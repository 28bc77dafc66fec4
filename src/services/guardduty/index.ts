import { defineService } from '../define.js';
import { buildGuardDuty } from './adapter.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { GuardDutyRegion } from './types.js';

export default defineService<{ guardDuty: GuardDutyRegion[] }>({
  name: 'guardduty',
  title: 'Amazon GuardDuty',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ guardDuty: src.regions.map((r) => buildGuardDuty(src, r)) }),
  empty: () => ({ guardDuty: [] }),
  collector: async () => (await import('./collect.js')).default,
});
