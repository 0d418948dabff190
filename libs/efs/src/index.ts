export * from './efs-csi-identity';
export * from './molecule-file-system';
export * from './efs-defaults';
export * from './validate-file-system';
