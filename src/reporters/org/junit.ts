import { junitDocument, junitSuites, xmlAttrs, type JunitSuite } from '../junit.js';
import { rendered } from '../stream.js';
import type { OrgReporter } from './types.js';

/** A suite of one errored testcase: the account could not be scanned. */
function errorSuite(accountId: string, message: string, body: string): JunitSuite {
  return {
    counts: { tests: 1, failures: 0, errors: 1, skipped: 0 },
    *xml() {
      yield `  <testsuite${xmlAttrs({ name: accountId, tests: 1, failures: 0, errors: 1, skipped: 0 })}>\n`;
      yield `    <testcase${xmlAttrs({ classname: accountId, name: 'scan' })}><error${xmlAttrs({ message, type: 'incomplete' })}>${body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</error></testcase>\n`;
      yield '  </testsuite>\n';
    },
  };
}

/** JUnit for an organisation: a testsuite per account × framework, named `<account>/<framework>`; one errored suite per account that could not be scanned. Skipped accounts have none. */
export const renderOrgJunit: OrgReporter = (org) => {
  const suites: JunitSuite[] = [];
  for (const a of org.accounts) {
    if (a.status === 'scanned') for (const s of junitSuites(a.assessment, (id) => `${a.accountId}/${id}`)) suites.push(s);
    else if (a.status === 'error') {
      suites.push(errorSuite(a.accountId, `could not be scanned: ${a.error.call} ${a.error.code}`, `${a.error.message}\nneeds ${a.error.permission}${a.error.roleArn ? ` on ${a.error.roleArn}` : ''}`));
    }
  }
  return rendered(() => junitDocument(suites));
};
