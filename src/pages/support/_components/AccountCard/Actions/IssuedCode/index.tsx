import type { ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import CopyButton from '@site/src/components/CopyButton';
import { formatDateTime } from '@site/src/support/labels';
import styles from './styles.module.css';

interface Props {
  code: string;
  expiresAt: string;
  locale: Locale;
}

/** The temporary access code just issued: the server keeps only its hash, so this is its one showing. */
export default function IssuedCode({ code, expiresAt, locale }: Props): ReactNode {
  return (
    <div className={styles.accessCode}>
      <p>
        <Translate
          id="support.lookup.accessCode.label"
          description="Lookup: label of the issued temporary access code"
        >
          Temporary access code
        </Translate>
      </p>
      <p className={styles.code} translate="no" data-access-code>
        {code}
      </p>
      <p>
        {translate(
          {
            id: 'support.lookup.accessCode.expires',
            message: 'Valid once, until {time}. Issuing another one voids it.',
            description: 'Lookup: when the temporary access code expires',
          },
          { time: formatDateTime(expiresAt, locale) },
        )}
      </p>
      <CopyButton
        text={code}
        label={translate({
          id: 'support.lookup.accessCode.copy',
          message: 'Copy the temporary access code',
          description: 'Lookup: copy button of the access code',
        })}
      />
    </div>
  );
}
