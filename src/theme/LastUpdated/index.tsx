import type { ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import { ThemeClassNames } from '@docusaurus/theme-common';
import type { Props } from '@theme/LastUpdated';
import { formatDay } from '@site/shared/dates';
import { useLocale } from '@site/src/utils/use-locale';

/**
 * The theme's "Last updated on …" (ejected): the same sentence and translations, the date written by
 * `formatDay` instead of an `Intl.DateTimeFormat` made during hydration (loading its locale data took
 * ~54 ms in one piece with the CPU slowed 4×, as on Lighthouse's phone, on every article).
 */
export default function LastUpdated({ lastUpdatedAt, lastUpdatedBy }: Props): ReactNode {
  const locale = useLocale();
  return (
    <span className={ThemeClassNames.common.lastUpdated}>
      <Translate
        id="theme.lastUpdated.lastUpdatedAtBy"
        description="The sentence used to display when a page has been last updated, and by who"
        values={{
          atDate: lastUpdatedAt ? (
            <Translate
              id="theme.lastUpdated.atDate"
              description="The words used to describe on which date a page has been last updated"
              values={{
                date: (
                  <b>
                    <time dateTime={new Date(lastUpdatedAt).toISOString()} itemProp="dateModified">
                      {formatDay(lastUpdatedAt, locale)}
                    </time>
                  </b>
                ),
              }}
            >
              {' on {date}'}
            </Translate>
          ) : (
            ''
          ),
          byUser: lastUpdatedBy ? (
            <Translate
              id="theme.lastUpdated.byUser"
              description="The words used to describe by who the page has been last updated"
              values={{ user: <b>{lastUpdatedBy}</b> }}
            >
              {' by {user}'}
            </Translate>
          ) : (
            ''
          ),
        }}
      >
        {'Last updated{atDate}{byUser}'}
      </Translate>
    </span>
  );
}
