import '@site/src/i18n/support';
import '@site/src/i18n/troubleshooter';
import { useId, useMemo, useState, type ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { linkIndex } from '@site/src/support/link-index-data';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {
  buildLinkRows,
  filterRows,
  PREFILLS,
  type ChannelPrefill,
  type LinkGroup,
  type LinkIndexStep,
} from '@site/src/support/link-index';
import { troubleshooterSteps } from '@site/src/support/step-links';
import SupportLayout from './_components/SupportLayout';
import LinkTable from './_components/LinkTable';
import styles from './links.module.css';

/** The troubleshooter's steps, from the machine's own list of step ids, titled in the page's language. */
function useSteps(): LinkIndexStep[] {
  return useMemo(() => troubleshooterSteps(), []);
}

/** Where the links point: this site's origin once in the browser, the configured URL before. */
function useOrigin(): string {
  const { siteConfig } = useDocusaurusContext();
  const isBrowser = useIsBrowser();
  return isBrowser ? window.location.origin : siteConfig.url.replace(/\/$/, '');
}

function groupCaption(group: LinkGroup): string {
  switch (group) {
    case 'workers':
      return translate({
        id: 'support.links.group.workers',
        message: 'Articles for workers',
        description: 'Link builder: table of workers’ articles',
      });
    case 'employers':
      return translate({
        id: 'support.links.group.employers',
        message: 'Articles for employers',
        description: 'Link builder: table of employers’ articles',
      });
    case 'other':
      return translate({
        id: 'support.links.group.other',
        message: 'Other articles',
        description: 'Link builder: table of articles outside the sidebars',
      });
    case 'troubleshooter':
      return translate({
        id: 'support.links.group.troubleshooter',
        message: 'Troubleshooter steps',
        description: 'Link builder: table of troubleshooter steps',
      });
  }
}

const GROUPS: LinkGroup[] = ['workers', 'employers', 'other', 'troubleshooter'];

export default function SupportLinks(): ReactNode {
  const index = linkIndex;
  const steps = useSteps();
  const origin = useOrigin();
  const filterId = useId();
  const [query, setQuery] = useState('');
  const [channel, setChannel] = useState<ChannelPrefill>(null);
  const rows = useMemo(() => buildLinkRows(index, steps, { channel }), [index, steps, channel]);
  const shown = useMemo(() => filterRows(rows, query), [rows, query]);

  return (
    <SupportLayout
      title={translate({
        id: 'support.links.meta.title',
        message: 'Support link builder',
        description: 'Support page title',
      })}
      description={translate({
        id: 'support.links.meta.description',
        message: 'Links to every help article, section and troubleshooter step, in English and French.',
        description: 'Link builder: meta description',
      })}
    >
      <h1>
        <Translate id="support.links.title" description="Support page heading">
          Support link builder
        </Translate>
      </h1>
      <p className={styles.lead}>
        <Translate id="support.links.lead" description="Link builder: what the page is for">
          Send a worker or an employer straight to the article, section or troubleshooter step that helps, in
          their language. Every link works in both languages: pick the column that matches the customer.
        </Translate>
      </p>

      <div className={styles.controls}>
        <div className={styles.filter}>
          <label htmlFor={filterId}>
            <Translate id="support.links.filter.label" description="Link builder: label of the filter box">
              Filter by title, section id or step id
            </Translate>
          </label>
          <input
            id={filterId}
            type="search"
            value={query}
            autoComplete="off"
            onChange={(event) => setQuery(event.target.value)}
            placeholder={translate({
              id: 'support.links.filter.placeholder',
              message: 'e.g. locked, spam, code-not-received',
              description: 'Link builder: example searches in the filter box',
            })}
          />
        </div>
        <fieldset className={styles.prefill}>
          <legend>
            <Translate
              id="support.links.prefill.legend"
              description="Link builder: legend of the troubleshooter prefill choice"
            >
              Troubleshooter links: preselect how the worker logs in
            </Translate>
          </legend>
          {[null, ...PREFILLS.channel].map((value) => (
            <label key={value ?? 'none'}>
              <input
                type="radio"
                name="channel-prefill"
                value={value ?? ''}
                checked={channel === value}
                onChange={() => setChannel(value)}
              />{' '}
              {value === null
                ? translate({
                    id: 'support.links.prefill.none',
                    message: 'No preselection',
                    description: 'Link builder: no prefill',
                  })
                : value === 'email'
                  ? translate({
                      id: 'support.links.prefill.email',
                      message: 'By email (channel=email)',
                      description: 'Link builder: prefill email login',
                    })
                  : translate({
                      id: 'support.links.prefill.sms',
                      message: 'By text message (channel=sms)',
                      description: 'Link builder: prefill SMS login',
                    })}
            </label>
          ))}
        </fieldset>
      </div>

      <p role="status" className={styles.count}>
        {translate(
          {
            id: 'support.links.count',
            message: '{shown} of {total} links shown',
            description: 'Link builder: how many rows the filter shows',
          },
          { shown: shown.length, total: rows.length },
        )}
      </p>

      {shown.length === 0 && (
        <p>
          <Translate id="support.links.empty" description="Link builder: the filter matches nothing">
            Nothing matches this filter. Try a shorter word, or a section id such as check-spam.
          </Translate>
        </p>
      )}

      {GROUPS.map((group) => {
        const groupRows = shown.filter((row) => row.group === group);
        return groupRows.length > 0 ? (
          <LinkTable key={group} caption={groupCaption(group)} rows={groupRows} origin={origin} />
        ) : null;
      })}
    </SupportLayout>
  );
}
