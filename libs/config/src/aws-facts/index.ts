/** AWS facts the validation uses, kept as data with their source (one file per topic). */
export * from './regions';
export * from './s3-bucket-names';
export * from './iam-names';
export * from './tags';
export * from './eks-quotas';
