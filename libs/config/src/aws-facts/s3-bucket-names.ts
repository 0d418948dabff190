/**
 * S3 general purpose bucket naming rules, in full, as data and one checker.
 *
 * Source: Amazon S3 User Guide, "General purpose bucket naming rules"
 * (docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
 */

/** Prefixes S3 reserves: a bucket name may not start with them. */
export const S3_RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'] as const;

/** Suffixes S3 reserves (access point aliases, Object Lambda, MRAP, directory and table buckets). */
export const S3_RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'] as const;

/**
 * Every rule a bucket name breaks, each as "<problem>" text (empty when the
 * name is valid): 3–63 characters; only lower-case letters, digits, `.` and
 * `-`; starts and ends with a letter or digit; no two adjacent periods; not
 * formatted as an IPv4 address; none of the reserved prefixes and suffixes.
 */
export function s3BucketNameProblems(name: string): string[] {
  const out: string[] = [];
  if (name.length < 3 || name.length > 63) out.push(`is ${name.length} characters long; S3 allows 3 to 63`);
  if (!/^[a-z0-9.-]*$/.test(name)) out.push('may hold only lower-case letters, digits, . and -');
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) out.push('must start and end with a lower-case letter or digit');
  if (name.includes('..')) out.push('may not hold two adjacent periods');
  if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)) out.push('may not be formatted as an IP address');
  for (const p of S3_RESERVED_PREFIXES) if (name.startsWith(p)) out.push(`may not start with '${p}' (reserved by S3)`);
  for (const s of S3_RESERVED_SUFFIXES) if (name.endsWith(s)) out.push(`may not end with '${s}' (reserved by S3)`);
  return out;
}
