import { AP_ID, envOf, FS_ID, moleculeContainer, renderMolecule } from '../test/molecule-fixtures';
import { MOLECULE_DEFAULTS } from './molecule-defaults';

describe('MoleculeChart with the defaults (seed 000)', () => {
  const { chart, objects, one, all } = renderMolecule();

  it('renders the seed objects in order, Secret excluded (it comes from Secrets Manager)', () => {
    expect(objects.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name}`)).toEqual([
      'v1 Namespace boomi',
      'storage.k8s.io/v1 StorageClass efs-sc',
      'v1 PersistentVolume efs-pv',
      'v1 PersistentVolumeClaim efs-claim',
      'v1 Service molecule-service',
      'apps/v1 StatefulSet molecule',
      'autoscaling/v2 HorizontalPodAutoscaler molecule-hpa',
      'networking.k8s.io/v1 NetworkPolicy default-deny-all',
      'networking.k8s.io/v1 NetworkPolicy molecule',
      'policy/v1 PodDisruptionBudget molecule-pdb',
    ]);
    expect(all('Secret')).toHaveLength(0);
  });

  it('exposes the object names', () => {
    expect(chart.namespaceName).toBe('boomi');
    expect(chart.storageClassName).toBe('efs-sc');
    expect(chart.persistentVolumeName).toBe('efs-pv');
    expect(chart.persistentVolumeClaimName).toBe('efs-claim');
    expect(chart.serviceName).toBe('molecule-service');
    expect(chart.statefulSetName).toBe('molecule');
    expect(chart.horizontalPodAutoscalerName).toBe('molecule-hpa');
    expect(chart.podDisruptionBudgetName).toBe('molecule-pdb');
    expect(chart.secretName).toBe('boomi-secret');
  });

  it('puts the namespace on namespaced objects only', () => {
    for (const o of objects) {
      if (['Namespace', 'StorageClass', 'PersistentVolume'].includes(o.kind)) expect(o.metadata.namespace).toBeUndefined();
      else expect(o.metadata.namespace).toBe('boomi');
    }
  });

  it('StorageClass efs-sc uses the EFS CSI provisioner', () => {
    expect(one('StorageClass').provisioner).toBe('efs.csi.aws.com');
  });

  it('PersistentVolume efs-pv: 5Gi, Filesystem, RWX, Retain, efs-sc, CSI <fs>::<fsap>, tls + iam', () => {
    const spec = one('PersistentVolume').spec;
    expect(spec.capacity.storage).toBe('5Gi');
    expect(spec.volumeMode).toBe('Filesystem');
    expect(spec.accessModes).toEqual(['ReadWriteMany']);
    expect(spec.persistentVolumeReclaimPolicy).toBe('Retain');
    expect(spec.storageClassName).toBe('efs-sc');
    expect(spec.csi.driver).toBe('efs.csi.aws.com');
    expect(spec.csi.volumeHandle).toBe(`${FS_ID}::${AP_ID}`);
    expect(spec.mountOptions).toEqual(['tls', 'iam']);
  });

  it('PersistentVolumeClaim efs-claim: RWX, efs-sc, 5Gi, bound to efs-pv', () => {
    const spec = one('PersistentVolumeClaim').spec;
    expect(spec.accessModes).toEqual(['ReadWriteMany']);
    expect(spec.storageClassName).toBe('efs-sc');
    expect(spec.resources.requests.storage).toBe('5Gi');
    expect(spec.volumeName).toBe('efs-pv');
  });

  it('Service molecule-service: NLB, LoadBalancer, app: molecule, 80 → 9090 TCP', () => {
    const svc = one('Service');
    expect(svc.metadata.labels).toEqual({ app: 'molecule' });
    expect(svc.metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-type']).toBe('nlb');
    expect(svc.metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-scheme']).toBe('internet-facing');
    expect(svc.metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-internal']).toBeUndefined();
    expect(svc.spec.type).toBe('LoadBalancer');
    expect(svc.spec.selector).toEqual({ app: 'molecule' });
    expect(svc.spec.ports).toEqual([{ protocol: 'TCP', port: 80, targetPort: 9090 }]);
    expect(svc.spec.loadBalancerSourceRanges).toBeUndefined();
  });

  it('annotation values are all strings', () => {
    for (const o of objects) {
      for (const value of Object.values(o.metadata.annotations ?? {})) expect(typeof value).toBe('string');
    }
  });

  it('StatefulSet molecule: labels, serviceName, replicas, selector, template, grace period', () => {
    const ss = one('StatefulSet');
    expect(ss.metadata.labels).toEqual({ app: 'molecule' });
    expect(ss.spec.serviceName).toBe('molecule-service');
    expect(ss.spec.replicas).toBe(3);
    expect(ss.spec.selector).toEqual({ matchLabels: { app: 'molecule' } });
    expect(ss.spec.template.metadata.labels).toEqual({ app: 'molecule' });
    expect(ss.spec.template.spec.terminationGracePeriodSeconds).toBe(60);
    expect(ss.spec.template.spec.nodeSelector).toBeUndefined();
    expect(ss.spec.template.spec.tolerations).toBeUndefined();
    expect(ss.spec.template.metadata.annotations).toBeUndefined();
  });

  it('StatefulSet volumes: the claim, a disk-backed emptyDir for /run and /tmp (seed 000), the cgroup hostPath', () => {
    expect(one('StatefulSet').spec.template.spec.volumes).toEqual([
      { name: 'molecule-storage', persistentVolumeClaim: { claimName: 'efs-claim' } },
      { name: 'tmpfs', emptyDir: {} },
      { name: 'cgroup', hostPath: { path: '/sys/fs/cgroup', type: 'Directory' } },
    ]);
  });

  it('container atom-node: image, pull policy, port, preStop, resources, mounts', () => {
    const c = moleculeContainer(objects);
    expect(one('StatefulSet').spec.template.spec.containers).toHaveLength(1);
    expect(c.name).toBe('atom-node');
    expect(c.image).toBe('boomi/molecule:release');
    expect(c.imagePullPolicy).toBe('Always'); // 'release' is a mutable tag
    expect(c.ports).toEqual([{ containerPort: 9090, protocol: 'TCP' }]);
    expect(c.lifecycle.preStop.exec.command).toEqual(['sh', '/home/boomi/scaledown.sh']);
    expect(c.resources.requests).toEqual({ cpu: '500m', memory: '1024Mi' });
    expect(c.resources.limits).toEqual({ cpu: '1000m', memory: '1536Mi' });
    expect(c.volumeMounts).toEqual([
      { name: 'molecule-storage', mountPath: '/mnt/boomi' },
      { name: 'tmpfs', mountPath: '/run' },
      { name: 'tmpfs', mountPath: '/tmp' },
      { name: 'cgroup', mountPath: '/sys/fs/cgroup', readOnly: true },
    ]);
  });

  it('pod security: non-root boomi user 1000/1000, fsGroup, RuntimeDefault seccomp, no service-account token', () => {
    const pod = one('StatefulSet').spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      fsGroup: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('container security: no privilege escalation, ALL capabilities dropped, root filesystem writable (documented exception)', () => {
    expect(moleculeContainer(objects).securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: false,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('spreads over zones (hard) and hosts (soft), maxSkew 1, on the Molecule pods', () => {
    const labelSelector = { matchLabels: { app: 'molecule' } };
    expect(one('StatefulSet').spec.template.spec.topologySpreadConstraints).toEqual([
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector },
      { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector },
    ]);
  });

  it('probes: startup 60 failures, readiness 10/10, liveness 60, all via probe.sh', () => {
    const c = moleculeContainer(objects);
    expect(c.startupProbe).toEqual({ exec: { command: ['sh', '/home/boomi/probe.sh', 'startup'] }, failureThreshold: 60 });
    expect(c.readinessProbe).toEqual({
      exec: { command: ['sh', '/home/boomi/probe.sh', 'readiness'] },
      periodSeconds: 10,
      initialDelaySeconds: 10,
    });
    expect(c.livenessProbe).toEqual({ exec: { command: ['sh', '/home/boomi/probe.sh', 'liveness'] }, periodSeconds: 60 });
  });

  it("env in the seed's order with the seed's values (password auth)", () => {
    const { names, byName } = envOf(moleculeContainer(objects));
    expect(names).toEqual([
      'BOOMI_ATOMNAME',
      'ATOM_LOCALHOSTID',
      'BOOMI_ACCOUNTID',
      'URL',
      'BOOMI_USERNAME',
      'BOOMI_PASSWORD',
      'BOOMI_CONTAINERNAME',
      'INSTALLATION_DIRECTORY',
      'ATOM_VMOPTIONS_OVERRIDES',
      'CONTAINER_PROPERTIES_OVERRIDES',
    ]);
    const secretRef = (key: string) => ({ secretKeyRef: { name: 'boomi-secret', key } });
    expect(byName.BOOMI_ATOMNAME.value).toBe('boomi-molecule-eks');
    expect(byName.ATOM_LOCALHOSTID.valueFrom).toEqual({ fieldRef: { fieldPath: 'metadata.name' } });
    expect(byName.BOOMI_ACCOUNTID.valueFrom).toEqual(secretRef('account'));
    expect(byName.URL.value).toBe('https://platform.boomi.com');
    expect(byName.BOOMI_USERNAME.valueFrom).toEqual(secretRef('username'));
    expect(byName.BOOMI_PASSWORD.valueFrom).toEqual(secretRef('password'));
    expect(byName.BOOMI_CONTAINERNAME.value).toBe('boomi-molecule-eks');
    expect(byName.INSTALLATION_DIRECTORY.value).toBe('/mnt/boomi');
    expect(byName.ATOM_VMOPTIONS_OVERRIDES).toEqual({ name: 'ATOM_VMOPTIONS_OVERRIDES', value: '' });
    expect(byName.CONTAINER_PROPERTIES_OVERRIDES).toEqual({ name: 'CONTAINER_PROPERTIES_OVERRIDES', value: '' });
  });

  it('HPA molecule-hpa is autoscaling/v2 with metrics and behavior', () => {
    const hpa = one('HorizontalPodAutoscaler');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.metadata.labels).toEqual({ app: 'molecule' });
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'molecule' });
    expect(hpa.spec.minReplicas).toBe(3);
    expect(hpa.spec.maxReplicas).toBe(20);
    expect(hpa.spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
      { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 50 } } },
    ]);
    expect(hpa.spec.behavior).toEqual({ scaleDown: { stabilizationWindowSeconds: 60 } });
  });

  it('PodDisruptionBudget molecule-pdb: policy/v1, maxUnavailable 1, app: molecule', () => {
    const pdb = one('PodDisruptionBudget');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: { app: 'molecule' } } });
  });

  it('every container has cpu and memory requests and limits', () => {
    for (const o of objects.filter((x) => x.spec?.template?.spec)) {
      for (const c of o.spec.template.spec.containers) {
        expect(Object.keys(c.resources.requests).sort()).toEqual(['cpu', 'memory']);
        expect(Object.keys(c.resources.limits).sort()).toEqual(['cpu', 'memory']);
      }
    }
  });

  it('the resolved config equals the defaults object', () => {
    const { fileSystemId, accessPointId, ...rest } = chart.config;
    expect({ fileSystemId, accessPointId }).toEqual({ fileSystemId: FS_ID, accessPointId: AP_ID });
    expect(rest).toEqual(MOLECULE_DEFAULTS);
  });
});

describe('MoleculeChart options', () => {
  it('installerToken auth: INSTALL_TOKEN from secret key token, no username/password', () => {
    const { objects } = renderMolecule({ authKind: 'installerToken', secretName: 'molecule-creds' });
    const { names, byName } = envOf(moleculeContainer(objects));
    expect(names).not.toContain('BOOMI_USERNAME');
    expect(names).not.toContain('BOOMI_PASSWORD');
    expect(names.slice(3, 6)).toEqual(['URL', 'INSTALL_TOKEN', 'BOOMI_CONTAINERNAME']);
    expect(byName.INSTALL_TOKEN.valueFrom).toEqual({ secretKeyRef: { name: 'molecule-creds', key: 'token' } });
    expect(byName.BOOMI_ACCOUNTID.valueFrom).toEqual({ secretKeyRef: { name: 'molecule-creds', key: 'account' } });
  });

  it('scale-down disabled: selectPolicy Disabled, window kept', () => {
    const { one } = renderMolecule({ hpa: { scaleDownEnabled: false } });
    expect(one('HorizontalPodAutoscaler').spec.behavior.scaleDown).toEqual({ stabilizationWindowSeconds: 60, selectPolicy: 'Disabled' });
  });

  it('HPA and PDB can be left out', () => {
    const { chart, all } = renderMolecule({ hpa: { enabled: false }, podDisruptionBudget: { enabled: false } });
    expect(all('HorizontalPodAutoscaler')).toHaveLength(0);
    expect(all('PodDisruptionBudget')).toHaveLength(0);
    expect(chart.horizontalPodAutoscalerName).toBeUndefined();
    expect(chart.podDisruptionBudgetName).toBeUndefined();
  });

  it('an existing namespace is not created, and is stamped on namespaced objects', () => {
    const { all, one } = renderMolecule({ namespace: 'integration', createNamespace: false });
    expect(all('Namespace')).toHaveLength(0);
    expect(one('StatefulSet').metadata.namespace).toBe('integration');
    expect(one('PersistentVolume').metadata.namespace).toBeUndefined();
  });

  it('internal scheme with source ranges: both scheme annotations and loadBalancerSourceRanges', () => {
    const { one } = renderMolecule({ service: { scheme: 'internal', sourceRanges: ['10.0.0.0/8'] } });
    const svc = one('Service');
    expect(svc.metadata.annotations).toEqual({
      'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb',
      'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
      'service.beta.kubernetes.io/aws-load-balancer-internal': 'true',
    });
    expect(svc.spec.loadBalancerSourceRanges).toEqual(['10.0.0.0/8']);
    expect(svc.spec.ports[0]).toEqual({ protocol: 'TCP', port: 80, targetPort: 9090 });
  });

  it('passes image, resources, probes, overrides, scheduling and PDB percentage through', () => {
    const { objects, one } = renderMolecule({
      image: { tag: '5.0.1-rhel' },
      resources: { memoryRequest: '1536Mi', memoryLimit: '2Gi' },
      probes: { livenessPeriodSeconds: 30 },
      vmOptionsOverrides: '-Xmx1024m',
      containerPropertiesOverrides: 'com.boomi.container.elasticity.forceRestartOverride=30000',
      nodeSelector: { 'boomi.com/pool': 'molecule' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'molecule', effect: 'NoSchedule' }],
      tmpfsMedium: 'Memory',
      podDisruptionBudget: { maxUnavailable: '25%' },
    });
    const c = moleculeContainer(objects);
    const pod = one('StatefulSet').spec.template.spec;
    expect(c.image).toBe('boomi/molecule:5.0.1-rhel');
    expect(c.imagePullPolicy).toBe('IfNotPresent'); // pinned tag
    expect(c.resources).toEqual({ requests: { cpu: '500m', memory: '1536Mi' }, limits: { cpu: '1000m', memory: '2Gi' } });
    expect(c.livenessProbe.periodSeconds).toBe(30);
    expect(c.readinessProbe.periodSeconds).toBe(10);
    expect(envOf(c).byName.ATOM_VMOPTIONS_OVERRIDES.value).toBe('-Xmx1024m');
    expect(envOf(c).byName.CONTAINER_PROPERTIES_OVERRIDES.value).toBe('com.boomi.container.elasticity.forceRestartOverride=30000');
    expect(pod.nodeSelector).toEqual({ 'boomi.com/pool': 'molecule' });
    expect(pod.tolerations).toEqual([{ key: 'dedicated', operator: 'Equal', value: 'molecule', effect: 'NoSchedule' }]);
    expect(pod.volumes[1]).toEqual({ name: 'tmpfs', emptyDir: { medium: 'Memory' } });
    expect(one('PodDisruptionBudget').spec.maxUnavailable).toBe('25%');
  });

  it('a custom target port moves the container port with it', () => {
    const { objects, one } = renderMolecule({ service: { port: 443, targetPort: 8443 } });
    expect(one('Service').spec.ports).toEqual([{ protocol: 'TCP', port: 443, targetPort: 8443 }]);
    expect(moleculeContainer(objects).ports).toEqual([{ containerPort: 8443, protocol: 'TCP' }]);
  });

  it('puts pod annotations on the template (a metrics endpoint for Prometheus)', () => {
    const { one } = renderMolecule({ podAnnotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9404' } });
    expect(one('StatefulSet').spec.template.metadata).toEqual({
      labels: { app: 'molecule' },
      annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9404' },
    });
  });

  it('refuses a non-string annotation value, naming it', () => {
    expect(() => renderMolecule({ podAnnotations: { 'prometheus.io/scrape': true as unknown as string } })).toThrow(
      /podAnnotations\['prometheus.io\/scrape'\]: \(true\) must be a string/,
    );
  });
});

describe('MoleculeChart image pinning', () => {
  const DIGEST = `sha256:${'ab'.repeat(32)}`;

  it('a digest wins over the tag and is pulled IfNotPresent', () => {
    const { objects } = renderMolecule({ image: { tag: 'release', digest: DIGEST } });
    const c = moleculeContainer(objects);
    expect(c.image).toBe(`boomi/molecule@${DIGEST}`);
    expect(c.imagePullPolicy).toBe('IfNotPresent');
  });

  it('an explicit pull policy is kept', () => {
    expect(moleculeContainer(renderMolecule({ image: { tag: '5.0.1', pullPolicy: 'Always' } }).objects).imagePullPolicy).toBe('Always');
  });

  it('latest is mutable too', () => {
    expect(moleculeContainer(renderMolecule({ image: { tag: 'latest' } }).objects).imagePullPolicy).toBe('Always');
  });

  it('refuses a malformed digest, naming the field', () => {
    expect(() => renderMolecule({ image: { digest: 'sha256:abc' } })).toThrow(/image\.digest: \('sha256:abc'\) must be a content digest/);
  });
});

describe('MoleculeChart security and spread options', () => {
  it('takes the user and group from the props (the EFS access point owner)', () => {
    const { one } = renderMolecule({ security: { runAsUser: 1001, runAsGroup: 2002 } });
    expect(one('StatefulSet').spec.template.spec.securityContext).toMatchObject({ runAsUser: 1001, runAsGroup: 2002, fsGroup: 2002 });
  });

  it('refuses root (0) as the user, naming the field', () => {
    expect(() => renderMolecule({ security: { runAsUser: 0 } })).toThrow(/security\.runAsUser: \(0\) must be an integer ≥ 1/);
  });

  it('zone spread can be made a preference', () => {
    const { one } = renderMolecule({ topologySpread: { zone: 'ScheduleAnyway' } });
    const [zone, host] = one('StatefulSet').spec.template.spec.topologySpreadConstraints;
    expect(zone.whenUnsatisfiable).toBe('ScheduleAnyway');
    expect(host.whenUnsatisfiable).toBe('ScheduleAnyway');
  });
});
