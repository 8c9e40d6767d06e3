import type { ReactNode } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import { useBrand, useEmployerWord } from '../../../utils/use-brand';
import HomeIcon from '../HomeIcon';
import styles from './styles.module.css';

/** Who can help when the articles did not: the employer (who owns the profile) first, then support. */
export default function ContactHelp(): ReactNode {
  const brand = useBrand();
  const employer = useEmployerWord();
  // `tel:` wants the number without the spaces and dashes people write it with.
  const phoneHref = `tel:${brand.supportPhone.replace(/[^\d+]/g, '')}`;
  return (
    <section className={clsx('container', styles.section)} aria-labelledby="home-contact">
      <h2 id="home-contact" className={styles.heading}>
        <Translate id="home.contact.title" description="Home page: heading of the contact section">
          Still can’t log in?
        </Translate>
      </h2>
      <div className={styles.grid}>
        <div className={styles.card}>
          <HomeIcon name="building" className={styles.icon} />
          <h3 className={styles.cardTitle}>
            <Translate
              id="home.contact.employer.title"
              description="Home page: heading of the 'contact your employer' card; {employer} is the brand's word (employer, agency...)"
              values={{ employer }}
            >
              {'Contact your {employer}'}
            </Translate>
          </h3>
          <p>
            <Translate
              id="home.contact.employer.body"
              description="Home page: what the employer can do; {employer} is the brand's word (employer, agency...)"
              values={{ employer }}
            >
              {
                'Your {employer} created your account. Ask them to check the phone number or email in your profile, resend your invitation or give you a temporary access code.'
              }
            </Translate>
          </p>
        </div>
        <div className={styles.card}>
          <HomeIcon name="lifebuoy" className={styles.icon} />
          <h3 className={styles.cardTitle}>
            <Translate
              id="home.contact.support.title"
              description="Home page: heading of the support card; {product} is the app's name"
              values={{ product: brand.productName }}
            >
              {'Contact {product} support'}
            </Translate>
          </h3>
          <p>
            <Translate
              id="home.contact.support.body"
              description="Home page: what to tell support when writing to them"
            >
              Tell us what you tried. If the troubleshooter gave you a reference code, include it: we will see
              your case at once.
            </Translate>
          </p>
          <ul className={styles.channels}>
            <li>
              <Link href={`mailto:${brand.supportEmail}`} className={styles.channel}>
                {brand.supportEmail}
              </Link>
            </li>
            {brand.supportPhone ? (
              <li>
                <Link href={phoneHref} className={styles.channel}>
                  {brand.supportPhone}
                </Link>
              </li>
            ) : null}
          </ul>
        </div>
      </div>
    </section>
  );
}
