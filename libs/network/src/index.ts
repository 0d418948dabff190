export * from './flow-log';
export * from './network';
export * from './subnet-cidrs';
