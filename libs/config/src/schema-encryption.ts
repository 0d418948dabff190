/**
 * `encryption` (issue 17): customer-managed KMS keys with explicit key
 * policies for the log groups and EFS. Composed into EnvironmentSchema.
 */
import { z } from 'zod';

export const EncryptionSchema = z.strictObject({
  /**
   * One customer-managed key per stack that holds data: `<env>-network` (flow
   * logs) and `<env>-cluster` (control-plane and container log groups, the
   * Molecule's EFS). False: AWS-managed encryption. Turning it on or off for an
   * existing cluster stack REPLACES the EFS file system (EFS cannot re-key).
   * @default true
   */
  customerManagedKeys: z.boolean().default(true),
  /** Days a scheduled key deletion waits (7-30). @default 30 */
  keyDeletionWindowDays: z.number().int().min(7).max(30).default(30),
});
