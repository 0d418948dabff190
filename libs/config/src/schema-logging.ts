/**
 * `containerLogs` (issue 17): container and node logs to CloudWatch Logs
 * through the amazon-cloudwatch-observability EKS add-on. Composed into
 * EnvironmentSchema (which passes its CloudWatch retention field in).
 */
import { z } from 'zod';

export function containerLogsSchema(retentionDays: z.ZodType<number>) {
  return z.strictObject({
    /**
     * The add-on (Fluent Bit and the CloudWatch agent, Pod Identity role with
     * CloudWatchAgentServerPolicy) and its log groups
     * `/aws/containerinsights/<cluster>/{application,dataplane,host,performance}`,
     * made by us with retention and the cluster's customer-managed key.
     * @default true
     */
    enabled: z.boolean().default(true),
    /** Retention of those log groups. @default - cluster.logRetentionDays */
    retentionDays: retentionDays.optional(),
  });
}
