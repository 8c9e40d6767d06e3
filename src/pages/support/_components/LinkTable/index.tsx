import type { ReactNode } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import CopyButton from '@site/src/components/CopyButton';
import { localizedUrl, type LinkRow } from '@site/src/support/link-index';
import styles from './styles.module.css';

interface Props {
  caption: string;
  rows: LinkRow[];
  origin: string;
}

function copyLabel(row: LinkRow, locale: 'en' | 'fr'): string {
  const name = row.parent ? `${row.parent} › ${row.title}` : row.title;
  return locale === 'en'
    ? translate(
        {
          id: 'support.links.copyEnglish',
          message: 'Copy the English link to: {name}',
          description: 'Link builder: accessible name of the button copying the English link of a row',
        },
        { name },
      )
    : translate(
        {
          id: 'support.links.copyFrench',
          message: 'Copy the French link to: {name}',
          description: 'Link builder: accessible name of the button copying the French link of a row',
        },
        { name },
      );
}

function LinkCell({ row, origin, locale }: { row: LinkRow; origin: string; locale: 'en' | 'fr' }): ReactNode {
  const url = localizedUrl(origin, row.target, locale);
  const shown = url.slice(origin.length);
  return (
    <td className={styles.linkCell}>
      <CopyButton text={url} label={copyLabel(row, locale)} />
      <Link href={url} className={styles.url} lang={locale} translate="no" data-url={url}>
        {shown}
      </Link>
    </td>
  );
}

/** One group of the link builder: each row with its English and French link and copy buttons. */
export default function LinkTable({ caption, rows, origin }: Props): ReactNode {
  return (
    <div className={styles.scroller}>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <Translate id="support.links.column.page" description="Link builder: column of the page names">
                Page, section or step
              </Translate>
            </th>
            <th scope="col">
              <Translate
                id="support.links.column.english"
                description="Link builder: column of English links"
              >
                English
              </Translate>
            </th>
            <th scope="col">
              <Translate id="support.links.column.french" description="Link builder: column of French links">
                French
              </Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key} className={clsx(styles[row.kind])}>
              <th
                scope="row"
                className={styles.name}
                style={{ paddingLeft: `${0.75 + (row.level - 1) * 1}rem` }}
              >
                <span className={styles.title}>{row.title}</span>
                {row.parent && <span className={styles.parent}>{row.parent}</span>}
                <code className={styles.id}>{row.kind === 'section' ? `#${row.id}` : row.id}</code>
                {row.landsOn && (
                  <span className={styles.landsOn}>
                    <Translate
                      id="support.links.landsOn"
                      description="Link builder: a step link that opens an earlier step first"
                      values={{ step: <code>{row.landsOn}</code> }}
                    >
                      {'Needs earlier answers: opens at {step}'}
                    </Translate>
                  </span>
                )}
              </th>
              <LinkCell row={row} origin={origin} locale="en" />
              <LinkCell row={row} origin={origin} locale="fr" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
