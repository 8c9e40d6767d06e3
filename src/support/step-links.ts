/**
 * The troubleshooter steps the link builder lists: every step id of the machine (from the plain-data
 * list in steps.ts, so /support/links never loads XState), its title in the page's language and
 * where a deep link to it lands when it needs earlier answers first.
 */
import { stepText } from '../troubleshooter/step-messages';
import { STEP_IDS, deepLinkTarget, isStepId } from '../troubleshooter/steps';
import type { LinkIndexStep } from './link-index';

export function troubleshooterSteps(): LinkIndexStep[] {
  return STEP_IDS.map((id) => {
    const landsOn = deepLinkTarget(id);
    return { id, title: stepText(id).title, landsOn: landsOn === id ? null : landsOn };
  });
}

/** A step's question in the page's language; a step the site no longer has keeps its id. */
export function stepTitle(step: string): string {
  return isStepId(step) ? stepText(step).title : step;
}
