import { Testing, TerraformStack } from 'cdktf';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { renderMolecule } from '../test/molecule-fixtures';
import { InvalidPropsError } from '@boomi-eks/primitives';
import { EXTERNAL_SECRET_API_VERSION, MOLECULE_SECRET_KEYS, MoleculeExternalSecret, moleculeExternalSecretObjects } from './external-secret';
import { validateMoleculeExternalSecret } from './validate-external-secret';

const input = { namespace: 'boomi', remoteSecretName: 'boomi/dev/molecule', region: 'us-east-1' };

describe('moleculeExternalSecretObjects', () => {
  it('makes a SecretStore on Secrets Manager with the controller identity (no auth block)', () => {
    expect(moleculeExternalSecretObjects(input).secretStore).toEqual({
      apiVersion: 'external-secrets.io/v1',
      kind: 'SecretStore',
      metadata: { name: 'aws-secrets-manager', namespace: 'boomi' },
      spec: { provider: { aws: { service: 'SecretsManager', region: 'us-east-1' } } },
    });
  });

  it('makes an ExternalSecret that writes boomi-secret, one key per property of the secret JSON, refreshed hourly', () => {
    expect(moleculeExternalSecretObjects(input).externalSecret).toEqual({
      apiVersion: EXTERNAL_SECRET_API_VERSION,
      kind: 'ExternalSecret',
      metadata: { name: 'boomi-secret', namespace: 'boomi' },
      spec: {
        refreshInterval: '1h',
        secretStoreRef: { name: 'aws-secrets-manager', kind: 'SecretStore' },
        target: { name: 'boomi-secret', creationPolicy: 'Owner', deletionPolicy: 'Retain' },
        data: ['account', 'username', 'password'].map((k) => ({ secretKey: k, remoteRef: { key: 'boomi/dev/molecule', property: k } })),
      },
    });
  });

  it('holds the keys the Molecule container reads, for each auth kind', () => {
    for (const authKind of ['password', 'installerToken'] as const) {
      const { objects } = renderMolecule({ authKind, secretName: 'boomi-secret' });
      const sts = objects.find((o) => o.kind === 'StatefulSet')!;
      const read = sts.spec.template.spec.containers[0].env
        .filter((e: any) => e.valueFrom?.secretKeyRef)
        .map((e: any) => e.valueFrom.secretKeyRef.key)
        .sort();
      const written = (moleculeExternalSecretObjects({ ...input, authKind }).externalSecret as any).spec.data.map((d: any) => d.secretKey).sort();
      expect({ authKind, read }).toEqual({ authKind, read: written });
      expect(written).toEqual([...MOLECULE_SECRET_KEYS[authKind]].sort());
    }
  });

  it.each([
    [{ refreshInterval: 'hourly' }, "refreshInterval: ('hourly') must be a duration (Go syntax): write it such as '1h'"],
    [{ secretName: 'Boomi_Secret' }, "secretName: ('Boomi_Secret') must be a DNS-1123 subdomain"],
    [{ storeName: 'AWS' }, "storeName: ('AWS') must be a DNS-1123 subdomain"],
    [{ remoteSecretName: 'has space' }, "remoteSecretName: ('has space') must be a Secrets Manager secret name"],
  ])('refuses %j', (bad, message) => {
    expect(() => moleculeExternalSecretObjects({ ...input, ...bad })).toThrow(message);
  });

  it('reports every bad name at once in one InvalidPropsError, and accepts compound durations and 512-character names', () => {
    let thrown: unknown;
    try {
      moleculeExternalSecretObjects({ ...input, secretName: 'X', refreshInterval: '1 hour', remoteSecretName: '' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvalidPropsError);
    expect((thrown as InvalidPropsError).issues.map((i) => i.path)).toEqual(['secretName', 'refreshInterval', 'remoteSecretName']);
    expect(validateMoleculeExternalSecret({ remoteSecretName: 'a'.repeat(512), refreshInterval: '1h30m' })).toEqual([]);
    expect(validateMoleculeExternalSecret({ remoteSecretName: 'a'.repeat(513) }).map((i) => i.path)).toEqual(['remoteSecretName']);
  });
});

describe('MoleculeExternalSecret', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 's');
  const provider = new KubernetesProvider(stack, 'k8s', {});
  new MoleculeExternalSecret(stack, 'creds', { ...input, provider });
  const json = JSON.parse(Testing.synth(stack));
  const manifests = json.resource.kubernetes_manifest;

  it('creates the store, then the ExternalSecret, and waits until it is Ready', () => {
    expect(Object.keys(manifests).sort()).toEqual([expect.stringMatching(/^creds_external-secret_/), expect.stringMatching(/^creds_secret-store_/)]);
    const es = Object.values(manifests).find((m: any) => m.manifest.kind === 'ExternalSecret') as any;
    expect(es.wait).toEqual({ condition: [{ type: 'Ready', status: 'True' }] });
    expect(es.depends_on).toEqual([expect.stringMatching(/^kubernetes_manifest\.creds_secret-store_/)]);
  });
});
