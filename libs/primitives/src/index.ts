export * from './issues';
export * from './quantity';
export * from './cidr';
export * from './kubernetes-version';
export * from './freeze';
export * from './container-resources';
export * from './helm-values';
export * from './terraform-escape';
export * from './trust-policy';
// The Helm release base (cdktf, constructs, @cdktf/provider-helm) is the
// secondary entry point '@boomi-eks/primitives/helm': this one stays cdktf-free.
export * from './validate-options';
