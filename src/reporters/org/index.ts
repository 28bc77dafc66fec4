import type { Format } from '../index.js';
import { renderOrgCsv } from './csv.js';
import { renderOrgHtml } from './html.js';
import { renderOrgJson } from './json.js';
import { renderOrgJunit } from './junit.js';
import { renderOrgMarkdown } from './markdown.js';
import { renderOrgSarif } from './sarif.js';
import { renderOrgText } from './text.js';
import type { OrgReporter } from './types.js';

/** The formats an organisation report renders in (ASFF and OCSF are per account: scan the account). */
export const ORG_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown', 'html', 'csv'] as const;
export type OrgFormat = (typeof ORG_FORMATS)[number];
export const isOrgFormat = (f: Format): f is OrgFormat => (ORG_FORMATS as readonly string[]).includes(f);

/** Every organisation --format. */
export const ORG_REPORTERS = {
  text: renderOrgText,
  json: renderOrgJson,
  sarif: renderOrgSarif,
  junit: renderOrgJunit,
  markdown: renderOrgMarkdown,
  html: renderOrgHtml,
  csv: renderOrgCsv,
} as const satisfies Record<OrgFormat, OrgReporter>;
