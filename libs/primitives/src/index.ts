export * from './issues';
export * from './quantity';
export * from './cidr';
export * from './kubernetes-version';
