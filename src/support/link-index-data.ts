// The link builder's index of articles and sections, as the support-links plugin wrote it for
// this build (support pages only: every other page goes without it).
import data from '@generated/support-links/default/link-index.json';
import type { LinkIndex } from './link-index';

export const linkIndex = data as LinkIndex;
