/**
 * The organisation's accounts, from the management account or a delegated
 * administrator: organizations:ListAccounts, every page.
 */
import { OrganizationsClient, paginateListAccounts, type Account } from '@aws-sdk/client-organizations';
import { CollectError } from '../errors.js';

export interface ListedAccount {
  id: string;
  name?: string;
  /** `State` (`Status` for older answers): ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED, PENDING_ACTIVATION. */
  state: string;
}

/** Every account the organisation lists, in its order. A record without a 12-digit Id stops the listing: it cannot be scanned or skipped by name. */
export async function listAccounts(client: OrganizationsClient): Promise<ListedAccount[]> {
  const out: ListedAccount[] = [];
  let page = 0;
  try {
    for await (const answer of paginateListAccounts({ client }, {})) {
      for (const [i, a] of (answer.Accounts ?? []).entries()) out.push(listed(a, page, i));
      page++;
    }
  } catch (e) {
    if (e instanceof CollectError) throw e;
    const err = e as Error;
    throw new CollectError(
      `could not list the organisation's accounts (organizations:ListAccounts, needs permission organizations:ListAccounts from the management account or a delegated administrator): ${err.name}: ${err.message}`,
    );
  }
  return out;
}

function listed(a: Account, page: number, i: number): ListedAccount {
  if (typeof a.Id !== 'string' || !/^\d{12}$/.test(a.Id)) {
    throw new CollectError(`organizations:ListAccounts answered an account without a 12-digit Id (page ${page + 1}, /Accounts/${i}/Id)`);
  }
  return { id: a.Id, ...(a.Name ? { name: a.Name } : {}), state: a.State ?? a.Status ?? 'UNKNOWN' };
}
