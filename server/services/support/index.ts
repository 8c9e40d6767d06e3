/** The support tools' services: the agents, the account view, the actions. */
export * from './account-view';
export * from './actions';
export * from './agents';
