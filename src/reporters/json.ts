import { prettyJson, rendered, resultText } from './stream.js';
import type { Reporter } from './types.js';

/** evaluations[i].results[j]: one result per line. */
const isResult = (path: readonly (string | number)[]) => path.length === 4 && path[0] === 'evaluations' && path[2] === 'results';

/**
 * The assessment as JSON (schemas/report.schema.json), streamed: indented,
 * with each result on one line so that the report grows with its results and
 * stays diffable. Deterministic: the assessment is built sorted and holds no
 * wall-clock time.
 */
export const renderJson: Reporter = (assessment) =>
  rendered(() => {
    const refs = new Map<object, string>();
    return prettyJson(assessment, isResult, (r) => resultText(r, refs));
  });
