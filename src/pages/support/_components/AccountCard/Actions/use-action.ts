import { useState } from 'react';
import { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import type { Outcome } from '@site/src/api/client';
import { isUnauthorized, type SupportAccount } from '@site/src/support/api';

/** Who acts on which account: what every action's request needs. */
export interface Target {
  token: string;
  locale: Locale;
  accountId: string;
}

/**
 * Sends one action and tells the agent how it went; `success` words the notice from the answer.
 * Every action answers the account as it is afterwards, which the card then shows.
 */
export type Run = <T extends { account: SupportAccount }>(
  send: (target: Target) => Promise<Outcome<T>>,
  success: (data: T) => string,
) => Promise<void>;

/** What an action's button needs: one action at a time. */
export interface ActionProps {
  run: Run;
  disabled: boolean;
}

export type Notice = { tone: 'success' | 'error'; text: string } | null;

interface Options extends Target {
  onChange: (account: SupportAccount) => void;
  onUnauthorized: () => void;
}

/** The actions' one runner: a 401 signs the agent out, anything else but success becomes a notice. */
export function useAction({ onChange, onUnauthorized, ...target }: Options): {
  run: Run;
  busy: boolean;
  notice: Notice;
} {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const run: Run = async (send, success) => {
    setBusy(true);
    setNotice(null);
    const outcome = await send(target);
    setBusy(false);
    if (outcome.type === 'ok') {
      onChange(outcome.data.account);
      setNotice({ tone: 'success', text: success(outcome.data) });
    } else if (isUnauthorized(outcome)) {
      onUnauthorized();
    } else if (outcome.type === 'unreachable') {
      setNotice({
        tone: 'error',
        text: translate({
          id: 'support.lookup.error.unreachable',
          message: 'The help center API cannot be reached. Nothing was changed; try again in a moment.',
          description: 'Lookup: the API is down',
        }),
      });
    } else {
      setNotice({ tone: 'error', text: outcome.message });
    }
  };
  return { run, busy, notice };
}
