/**
 * How a step is declared: `step(id, config)` gives the state its id, its `tags: 'step'` (the page
 * shows it, a deep link may open it) and its `entry: visit(id)` (the trail, the error that belongs
 * to it), so each step names itself once. The other helpers are the actions the answers carry.
 */
import type { FormError } from './context';
import type { Channel } from '../api/worker-help';
import type { EmployerReason, Purpose, StepId, SupportReason } from './steps';

export const visit = (step: StepId) => ({ type: 'visit', params: { step } }) as const;

type StepState<Id extends StepId, Config> = {
  [K in Id]: { tags: 'step'; entry: ReturnType<typeof visit> } & Config;
};

export function step<const Id extends StepId, const Config extends object = object>(
  id: Id,
  config?: Config,
): StepState<Id, Config> {
  return { [id]: { tags: 'step', entry: visit(id), ...config } } as StepState<Id, Config>;
}

/** The answer picks what will be sent (and, for some, by which channel). */
export const purpose = (value: Purpose, channel: Channel | null = null) =>
  ({ type: 'choosePurpose', params: { purpose: value, channel } }) as const;

export const toEmployer = (reason: EmployerReason) =>
  ({ target: 'escalate-employer', actions: { type: 'escalateToEmployer', params: { reason } } }) as const;

export const toSupport = (reason: SupportReason) =>
  ({ target: 'escalate-support', actions: { type: 'escalateToSupport', params: { reason } } }) as const;

export const fail = (error: FormError) => ({ type: 'flagError', params: { error } }) as const;
