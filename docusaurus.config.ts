import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { themes as prismThemes } from 'prism-react-renderer';
import { loadBrand, loadRules } from './server/config/public';
import remarkRuleHeadings from './src/plugins/rule-headings';

// The brand and the public rules come from the same variables, defaults and validation as the
// server's (server/config): the articles and the troubleshooter show what the server enforces.
const brand = loadBrand();
const rules = loadRules();

const siteUrl = process.env.SITE_URL ?? 'http://localhost:3000';

// Docusaurus loads this file once per locale and says which one in DOCUSAURUS_CURRENT_LOCALE (its
// documented way to translate the site config): the title and tagline are not in the JSON
// translation files, and the brand name must not be frozen into them.
const locale = process.env.DOCUSAURUS_CURRENT_LOCALE === 'fr' ? 'fr' : 'en';
const site = {
  en: { title: brand.helpCenterName, tagline: 'Help to log in' },
  fr: { title: brand.helpCenterNameFr, tagline: 'De l’aide pour vous connecter' },
}[locale];

const config: Config = {
  title: site.title,
  tagline: site.tagline,
  favicon: 'img/favicon.svg',
  url: siteUrl,
  baseUrl: '/',
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  // A warning for a misconfigured baseUrl, meant for development: not worth its bytes on every page.
  baseUrlIssueBanner: false,
  markdown: {
    // The link contract uses the classic `## Heading {#id}` syntax in every article.
    mdx1Compat: { comments: true, admonitions: true, headingIds: true },
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
  },
  future: {
    v4: true,
    faster: true,
  },
  customFields: { brand, rules },
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'fr'],
    localeConfigs: {
      en: { label: 'English', htmlLang: 'en' },
      fr: { label: 'Français', htmlLang: 'fr' },
    },
  },
  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          showLastUpdateTime: true,
          breadcrumbs: true,
          // The table of contents cannot show a heading's <Rule>: headings get its text at build time.
          beforeDefaultRemarkPlugins: [[remarkRuleHeadings, { rules, locale }]],
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
        sitemap: { ignorePatterns: ['/support/**', '/fr/support/**'] },
      } satisfies Preset.Options,
    ],
  ],
  // The support link builder's list of every article and section, from the docs as loaded.
  plugins: [
    './src/plugins/support-links/index.ts',
    './src/plugins/plain-code/index.ts',
    './src/plugins/compile-hints/index.ts',
    './src/plugins/build-settings/index.ts',
    './src/plugins/split-translations/index.ts',
    // Search: the articles' search documents (loaded on first use) and the /search page.
    './src/plugins/search-index/index.ts',
  ],
  themeConfig: {
    metadata: [{ name: 'theme-color', content: '#1d4ed8' }],
    colorMode: { respectPrefersColorScheme: true },
    docs: { sidebar: { hideable: false, autoCollapseCategories: false } },
    navbar: {
      title: site.title,
      logo: { alt: '', src: 'img/logo.svg', width: 32, height: 32 },
      items: [
        { type: 'docSidebar', sidebarId: 'workers', position: 'left', label: 'Workers' },
        { type: 'docSidebar', sidebarId: 'employers', position: 'left', label: 'Employers' },
        { to: '/troubleshoot', label: 'Troubleshooter', position: 'left' },
        { type: 'search', position: 'right' },
        { type: 'localeDropdown', position: 'right' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Help',
          items: [
            { label: "I can't log in", to: '/docs/workers/login/' },
            { label: 'Troubleshooter', to: '/troubleshoot' },
            { label: 'For employers', to: '/docs/employers/worker-cannot-log-in' },
          ],
        },
        {
          title: 'Contact',
          items: [{ label: 'Email support', href: `mailto:${brand.supportEmail}` }],
        },
      ],
      copyright: `© ${new Date().getFullYear()} ${brand.productName}`,
    },
    prism: { theme: prismThemes.github, darkTheme: prismThemes.dracula },
  } satisfies Preset.ThemeConfig,
};

export default config;
