import type { Reporter } from './types.js';

/**
 * The assessment as JSON (schemas/report.schema.json). Deterministic: the
 * assessment is built sorted and holds no wall-clock time.
 */
export const renderJson: Reporter = (assessment) => ({ text: `${JSON.stringify(assessment, null, 2)}\n`, warnings: [] });
