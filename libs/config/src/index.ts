export * from './capacity';
export * from './catalog';
export * from './cidr';
export * from './environment';
export * from './errors';
export * from './jvm';
export * from './quantity';
export { checkRules, VPC_PREFIX_RANGE } from './rules';
export * from './schema';
