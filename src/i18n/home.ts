// The home page strings, out of the bundle every page loads (src/plugins/split-translations):
// merged into the site's translations when this module is imported, before the page renders.
import codeTranslations from '@generated/codeTranslations';
import strings from '@split-translations/home.json';

Object.assign(codeTranslations, strings);
