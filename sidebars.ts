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
            'workers/login/phone-number-format',
            'workers/login/texts-filtered',
            'workers/login/traveling',
            'workers/login/new-phone',
            'workers/login/unexpected-code',
          ],
        },
        {
          type: 'category',
          key: 'workers-login-passwords',
          label: 'Passwords and links',
          items: [
            'workers/login/forgot-password',
            'workers/login/login-link',
            'workers/login/link-expired',
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
            'workers/login/invitation',
            'workers/login/wrong-language',
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
      items: [
        'employers/worker-cannot-log-in',
        'employers/worker-login-status',
        'employers/change-login-method',
      ],
    },
  ],
};

export default sidebars;
