/** Support's notices for workers: the bounds the API enforces and the editor shows. */

/** The longest a notice may stay up: a forgotten one must not tell workers of trouble for weeks. */
export const NOTICE_MAX_DAYS = 7;

/** The longest text of a notice, in each language, in characters. */
export const NOTICE_TEXT_MAX = 300;
