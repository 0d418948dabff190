export * from './efs-csi-identity';
export * from './molecule-file-system';
