import type { Format } from '../index.js';
import { renderOrgCsv } from './csv.js';
import { renderOrgHtml } from './html.js';
import { renderOrgJson } from './json.js';
import { renderOrgJunit } from './junit.js';
import { renderOrgMarkdown } from './markdown.js';
import { renderOrgSarif } from './sarif.js';
import { renderOrgText } from './text.js';
import type { OrgReporter } from './types.js';

/** Every --format renders an organisation report too. */
export const ORG_REPORTERS = {
  text: renderOrgText,
  json: renderOrgJson,
  sarif: renderOrgSarif,
  junit: renderOrgJunit,
  markdown: renderOrgMarkdown,
  html: renderOrgHtml,
  csv: renderOrgCsv,
} as const satisfies Record<Format, OrgReporter>;
