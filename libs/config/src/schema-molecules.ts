/**
 * Several Molecules on one cluster (issue 21): `additionalMolecules`, a list of
 * further Molecules next to `molecule`. Each entry is the `molecule` schema
 * (every field, every default) with the fields that must differ between two
 * Molecules of one cluster required, and its own `hpa`. Composed into
 * EnvironmentSchema by {@link withAdditionalMolecules} (schema.ts); the rules
 * are in rules-molecules.ts, the guide in docs/several-molecules.md.
 */
import { z } from 'zod';
import { k8sName } from './schema-fields';

/**
 * The fields of an additional Molecule that `molecule` does not have, or has
 * with a default two Molecules of one cluster may not share.
 */
function additionalFields<H extends z.ZodType>(hpa: H) {
  return {
    /**
     * The Molecule's name: prefixes its cluster-scoped objects (`<name>-efs-pv`),
     * names its EFS access point (directory `/boomi-<name>`), its External
     * Secrets Operator (namespace `external-secrets-<name>`) and that
     * operator's IAM role (`<cluster.name>-external-secrets-<name>`).
     * Required; unique among the environment's Molecules.
     */
    name: k8sName,
    /** Namespace of every namespaced object of this Molecule. Required; no other Molecule's. */
    namespace: k8sName,
    /** BOOMI_ATOMNAME: the Molecule's name on the platform. Required; no other Molecule's. */
    atomName: z.string().min(1),
    /** BOOMI_CONTAINERNAME. @default - the atomName */
    containerName: z.string().min(1).optional(),
    /** This Molecule's HPA: the same fields and defaults as the top-level `hpa` (which is the first Molecule's). @default - the hpa defaults */
    hpa,
  };
}

/** The schema type of an additional Molecule, from the types of `molecule` and `hpa` (so the output stays fully typed). */
export type AdditionalMoleculeSchemaOf<M, H extends z.ZodType> =
  M extends z.ZodObject<infer MS, infer MC> ? z.ZodObject<z.core.util.Extend<MS, ReturnType<typeof additionalFields<H>>>, MC> : never;

/**
 * One entry of `additionalMolecules`: `molecule`'s schema with `name`,
 * `namespace`, `atomName` and `auth.secretName` required, and an `hpa`.
 */
export function additionalMoleculeSchema<M extends z.ZodObject, H extends z.ZodType>(molecule: M, hpa: H): AdditionalMoleculeSchemaOf<M, H> {
  return molecule.extend(additionalFields(hpa)) as unknown as AdditionalMoleculeSchemaOf<M, H>;
}

/**
 * The environment schema with `additionalMolecules` (default `[]`: one
 * Molecule, as before). Takes `molecule` and `hpa` from the schema it
 * extends, so every field and default of an additional Molecule is the first
 * Molecule's.
 */
export function withAdditionalMolecules<S extends z.core.$ZodShape & { molecule: z.ZodObject; hpa: z.ZodType }, C extends z.core.$ZodObjectConfig>(
  base: z.ZodObject<S, C>,
): z.ZodObject<z.core.util.Extend<S, { additionalMolecules: z.ZodDefault<z.ZodArray<AdditionalMoleculeSchemaOf<S['molecule'], S['hpa']>>> }>, C> {
  return base.extend({
    /**
     * Further Molecules on this environment's cluster, each in its own
     * namespace with its own EFS access point, credentials secret, HPA and
     * load balancer (docs/several-molecules.md). @default [] (one Molecule)
     */
    additionalMolecules: z.array(additionalMoleculeSchema(base.shape.molecule, base.shape.hpa)).default([]),
  }) as never;
}
