import type { Status } from '../checks/types.js';

/**
 * A control's status: its results' status, or `manual` when no check can
 * evidence it. A manual control never passes and never counts in a score.
 * (A leaf module: assessment and diff types both use it.)
 */
export type ControlStatus = Status | 'manual';
export type ControlCounts = Record<ControlStatus, number>;
