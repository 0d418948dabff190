export * from './flow-log';
export * from './network';
export * from './subnet-cidrs';
export * from './network-defaults';
export * from './validate-network';
