/** The support tools' services: the agents, the account view, its histories, the actions. */
export * from './account-view';
export * from './actions';
export * from './agents';
export * from './history';
export * from './login-help';
export * from './service-notices';
