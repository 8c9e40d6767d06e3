import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  workers: [
    {
      type: 'category',
      key: 'workers-login',
      label: "I can't log in",
      collapsible: false,
      link: { type: 'doc', id: 'workers/login/index' },
      items: [
        {
          type: 'category',
          key: 'workers-login-codes',
          label: 'Login codes',
          items: [
            'workers/login/sms-code',
            'workers/login/email-login',
            'workers/login/code-not-received',
            'workers/login/code-rejected',
          ],
        },
        {
          type: 'category',
          key: 'workers-login-passwords',
          label: 'Passwords and links',
          items: [
            'workers/login/forgot-password',
            'workers/login/login-link',
            'workers/login/single-sign-on',
          ],
        },
        {
          type: 'category',
          key: 'workers-login-messages',
          label: 'Error messages',
          items: [
            'workers/login/invalid-credentials',
            'workers/login/email-already-used',
            'workers/login/confirmation-email',
          ],
        },
        {
          type: 'category',
          key: 'workers-login-account',
          label: 'Account and app',
          items: [
            'workers/login/account-locked',
            'workers/login/account-deactivated',
            'workers/login/update-app',
          ],
        },
      ],
    },
  ],
  employers: [
    {
      type: 'category',
      key: 'employers-workers',
      label: 'Helping your workers',
      collapsible: false,
      items: ['employers/worker-cannot-log-in'],
    },
  ],
};

export default sidebars;
