/**
 * The brand, in one place. Every default is a neutral placeholder: a deployment sets its own
 * through environment variables at build and start time.
 */
export interface Brand {
  /** The name of the app workers log in to. */
  productName: string;
  /** The name of this help center (English; the site title of `/`). */
  helpCenterName: string;
  /** The name of this help center in French (the site title of `/fr/`). */
  helpCenterNameFr: string;
  /** Where workers and employers reach support. */
  supportEmail: string;
  /** Optional support phone, shown only when set. */
  supportPhone: string;
  /** How the organisation that invites workers is called ("employer", "agency"...). */
  employerWord: { en: string; fr: string };
}

const env = (name: string, fallback: string): string => {
  const value = process.env[name]?.trim();
  return value ? value : fallback;
};

export const brand: Brand = {
  productName: env('BRAND_PRODUCT_NAME', 'WorkforceApp'),
  helpCenterName: env('BRAND_HELP_CENTER_NAME', 'Login Help Center'),
  // A deployment that names its help center in English only keeps that name in French too.
  helpCenterNameFr: env(
    'BRAND_HELP_CENTER_NAME_FR',
    env('BRAND_HELP_CENTER_NAME', 'Centre d’aide à la connexion'),
  ),
  supportEmail: env('BRAND_SUPPORT_EMAIL', 'support@example.com'),
  supportPhone: env('BRAND_SUPPORT_PHONE', ''),
  employerWord: {
    en: env('BRAND_EMPLOYER_WORD_EN', 'employer'),
    fr: env('BRAND_EMPLOYER_WORD_FR', 'employeur'),
  },
};
