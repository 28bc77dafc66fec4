import { renderJson } from './json.js';
import { renderText } from './text.js';
import type { Reporter } from './types.js';

export const REPORTERS = {
  text: renderText,
  json: renderJson,
} as const satisfies Record<string, Reporter>;

export type Format = keyof typeof REPORTERS;
export const FORMATS = Object.keys(REPORTERS) as Format[];
