import type { DeactivationReason, LoginMethod, StoredAccountStatus } from './schema';

/**
 * The demo accounts seeded on first start (development), one per case. Real-looking but fake:
 * `555-01xx` phone numbers, a French fiction-range mobile, example.com/example.org addresses.
 * server/README.md lists them; a test keeps the two in step.
 */
export interface DemoEmployer {
  id: string;
  name: string;
  loginMethod: LoginMethod;
  ssoProvider?: string;
  active?: boolean;
}

export interface DemoAccount {
  /** The case it shows, as listed in the README. */
  case: string;
  name: string;
  email?: string;
  phone?: string;
  username?: string;
  status: StoredAccountStatus;
  emailConfirmed: boolean;
  locked?: boolean;
  deactivationReason?: DeactivationReason;
  employers: string[];
  /** The language of the worker's profile. */
  locale: 'en' | 'fr';
  /** A password for the password-login account (never used by the help center itself). */
  password?: string;
}

export const DEMO_EMPLOYERS: DemoEmployer[] = [
  { id: 'harbourview-logistics', name: 'Harbourview Logistics', loginMethod: 'code' },
  { id: 'northbay-events', name: 'Northbay Events', loginMethod: 'code' },
  { id: 'lakeside-staffing', name: 'Lakeside Staffing', loginMethod: 'password' },
  {
    id: 'maple-ridge-health',
    name: 'Maple Ridge Health',
    loginMethod: 'sso',
    ssoProvider: 'Microsoft Entra ID',
  },
  { id: 'old-mill-catering', name: 'Old Mill Catering', loginMethod: 'code', active: false },
];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    case: 'active, logs in with a code by SMS (+1)',
    name: 'Alex Martin',
    phone: '+15145550101',
    email: 'alex.martin@example.com',
    status: 'active',
    emailConfirmed: true,
    employers: ['harbourview-logistics'],
    locale: 'en',
  },
  {
    case: 'active, email only: the phone on file is French (+33), no SMS',
    name: 'Camille Dubois',
    phone: '+33639980123',
    email: 'camille.dubois@example.org',
    status: 'active',
    emailConfirmed: true,
    employers: ['harbourview-logistics'],
    locale: 'fr',
  },
  {
    case: 'invited, never logged in',
    name: 'Jordan Lee',
    phone: '+14385550102',
    email: 'jordan.lee@example.com',
    status: 'invited',
    emailConfirmed: false,
    employers: ['northbay-events'],
    locale: 'en',
  },
  {
    case: 'locked after too many failed attempts',
    name: 'Morgan Roy',
    phone: '+15145550103',
    email: 'morgan.roy@example.com',
    status: 'active',
    emailConfirmed: true,
    locked: true,
    employers: ['harbourview-logistics'],
    locale: 'fr',
  },
  {
    case: 'email not confirmed',
    name: 'Sam Tremblay',
    email: 'sam.tremblay@example.org',
    status: 'active',
    emailConfirmed: false,
    employers: ['northbay-events'],
    locale: 'fr',
  },
  {
    case: 'deactivated: merged into another account',
    name: 'Riley Gagnon',
    email: 'riley.gagnon@example.com',
    status: 'deactivated',
    emailConfirmed: true,
    deactivationReason: 'merged',
    employers: ['harbourview-logistics'],
    locale: 'fr',
  },
  {
    case: 'the account Riley was merged into; works for two employers',
    name: 'Riley Gagnon',
    phone: '+15145550104',
    email: 'riley.g@example.org',
    status: 'active',
    emailConfirmed: true,
    employers: ['harbourview-logistics', 'northbay-events'],
    locale: 'fr',
  },
  {
    case: 'deactivated: removed by the employer',
    name: 'Taylor Nguyen',
    phone: '+14385550105',
    email: 'taylor.nguyen@example.com',
    status: 'deactivated',
    emailConfirmed: true,
    deactivationReason: 'removed-by-employer',
    employers: ['northbay-events'],
    locale: 'en',
  },
  {
    case: 'deactivated: the employer left the platform',
    name: 'Casey Bouchard',
    phone: '+15145550106',
    email: 'casey.bouchard@example.org',
    status: 'deactivated',
    emailConfirmed: true,
    deactivationReason: 'employer-left',
    employers: ['old-mill-catering'],
    locale: 'fr',
  },
  {
    case: 'password login with a username (the email only receives messages)',
    name: 'Dominique Lavoie',
    username: 'dlavoie',
    email: 'dominique.lavoie@example.com',
    status: 'active',
    emailConfirmed: true,
    employers: ['lakeside-staffing'],
    locale: 'fr',
    password: 'Lakeside-demo-2030',
  },
  {
    case: 'employer on single sign-on',
    name: 'Avery Chen',
    phone: '+14385550107',
    email: 'avery.chen@example.com',
    status: 'active',
    emailConfirmed: true,
    employers: ['maple-ridge-health'],
    locale: 'en',
  },
];
