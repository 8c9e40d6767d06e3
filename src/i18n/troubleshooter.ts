// The troubleshooter strings, out of the bundle every page loads (src/plugins/split-translations): merged
// into the site's translations when this module is imported, before anything of the area renders.
import codeTranslations from '@generated/codeTranslations';
import strings from '@split-translations/troubleshooter.json';

Object.assign(codeTranslations, strings);
