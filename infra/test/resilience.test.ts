/* eslint-disable @typescript-eslint/no-explicit-any -- rendered manifests are untyped YAML; the assertions check their shape. */
// The resilience pieces (issue 12): the database's /dev/shm and PDB, the frontend HPA, the daily backup
// CronJob of the EKS overlay, the optional components (VPA in recommendation mode, the vertical-scaling
// patch) rendered on top of it, and destroy.sh keeping the backup bucket unless --delete-backups.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowed, type Peer } from './support/network-policy.ts';
import {
  find,
  kubectl,
  parseYaml,
  renderOverlay,
  validateSchema,
  workloads,
  type K8sObject,
} from './support/k8s.ts';
import { runScript, type Rule } from './support/sandbox.ts';
import { infraDir, repoRoot, runOk } from './support/tools.ts';
import { parse } from 'yaml';

/** The EKS overlay with one optional component added, as an operator would add it. */
function withComponent(component: string): K8sObject[] {
  const dir = mkdtempSync(join(tmpdir(), 'kustomize-'));
  const rel = (p: string) => relative(dir, join(infraDir, 'k8s', p));
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [${rel('overlays/eks')}]\ncomponents: [${rel(`components/${component}`)}]\n`,
  );
  return parseYaml(runOk(kubectl, ['kustomize', '--load-restrictor', 'LoadRestrictionsNone', dir]));
}

const eks = renderOverlay('overlays/eks');
const NS = 'proyecto06';

describe('base: database and frontend', () => {
  it('PostgreSQL gets a memory-backed /dev/shm, counted in its memory limit', () => {
    const spec = find(eks, 'StatefulSet', 'database').spec.template.spec;
    const shm = spec.containers[0].volumeMounts.find((m: any) => m.mountPath === '/dev/shm');
    expect(spec.volumes.find((v: any) => v.name === shm?.name)?.emptyDir).toEqual({
      medium: 'Memory',
      sizeLimit: '128Mi',
    });
  });

  it('a PodDisruptionBudget stops a drain at the single database pod', () => {
    const pdb = find(eks, 'PodDisruptionBudget', 'database');
    expect(pdb.spec).toEqual({
      minAvailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'database' } },
    });
    expect(find(eks, 'StatefulSet', 'database').spec.replicas).toBe(1);
  });

  it('the frontend scales 2 → 5 on CPU like the backend, and nginx knows the Service by its full name', () => {
    const hpa = find(eks, 'HorizontalPodAutoscaler', 'frontend');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'frontend' });
    expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([2, 5]);
    const env = find(eks, 'Deployment', 'frontend').spec.template.spec.containers[0].env;
    expect(env).toContainEqual({
      name: 'BACKEND_HOST',
      value: 'backend-service.proyecto06.svc.cluster.local',
    });
  });
});

describe('component backup (in the EKS overlay)', () => {
  const objs = eks;
  const cron = find(objs, 'CronJob', 'database-backup');
  const pod = cron.spec.jobTemplate.spec.template;

  it('every object validates against the Kubernetes schema', async () => {
    for (const o of objs)
      await expect(validateSchema(o), `${o.kind}/${o.metadata.name}`).resolves.toBeUndefined();
  });

  it('runs pg_dump daily, one at a time, then uploads to the bucket prefix', () => {
    expect(cron.spec).toMatchObject({ schedule: '15 3 * * *', concurrencyPolicy: 'Forbid' });
    const [dump] = pod.spec.initContainers;
    expect(dump.image).toBe('proyecto06-database');
    expect(dump.command).toEqual(['proyecto06-backup', '/backup']);
    const upload = pod.spec.containers[0];
    expect(upload.command.join(' ')).toContain('aws s3 cp');
    expect(upload.command.join(' ')).toContain('s3://$BACKUP_BUCKET/$BACKUP_PREFIX');
    const config = find(objs, 'ConfigMap', upload.envFrom[0].configMapRef.name);
    expect(config.data.BACKUP_PREFIX).toBe('database/');
    // Until scripts/render-release.sh sets it (k8s.test.ts renders a release with the real one).
    expect(config.data.BACKUP_BUCKET).toBe('__BACKUP_BUCKET__');
  });

  it('is hardened like the other pods', () => {
    expect(pod.spec.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    for (const c of [...pod.spec.initContainers, ...pod.spec.containers]) {
      expect(c.securityContext, c.name).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      expect(c.resources.limits, c.name).toHaveProperty('memory');
    }
  });

  it('its ServiceAccount is the one the Terraform Pod Identity association names', () => {
    const tf = readFileSync(join(infraDir, 'terraform/modules/eks/backups.tf'), 'utf8');
    expect(tf).toMatch(/namespace\s*=\s*"proyecto06"/);
    expect(tf).toMatch(new RegExp(`service_account\\s*=\\s*"${pod.spec.serviceAccountName}"`));
  });

  it('the backup pod reaches PostgreSQL; the network policies of the base still hold', () => {
    const policies = objs.filter((o) => o.kind === 'NetworkPolicy');
    const db = workloads(objs).find((w) => w.name === 'database')!;
    const frontend = workloads(objs).find((w) => w.name === 'frontend')!;
    const peer = (labels: Record<string, string>): Peer => ({ labels, namespace: NS });
    const database = peer(db.template.metadata.labels);
    expect(allowed(policies, peer(pod.metadata.labels), database, 5432, db)).toBe(true);
    expect(allowed(policies, peer(frontend.template.metadata.labels), database, 5432, db)).toBe(false);
  });
});

describe('component vpa', () => {
  const vpas = withComponent('vpa').filter((o) => o.kind === 'VerticalPodAutoscaler');

  it('recommends for the three tiers and changes nothing', () => {
    expect(vpas.map((v) => `${v.spec.targetRef.kind}/${v.spec.targetRef.name}`).sort()).toEqual([
      'Deployment/backend',
      'Deployment/frontend',
      'StatefulSet/database',
    ]);
    for (const v of vpas) {
      expect(v.spec.updatePolicy).toEqual({ updateMode: 'Off' });
      expect(() => find(eks, v.spec.targetRef.kind, v.spec.targetRef.name)).not.toThrow();
      expect(v.spec.resourcePolicy.containerPolicies[0].containerName).toBe(v.spec.targetRef.name);
    }
  });
});

describe('component vertical-scaling (the runbook patch)', () => {
  const objs = withComponent('vertical-scaling');

  it('gives the backend 1 CPU and 1 GiB and leaves everything else as the overlay renders it', async () => {
    const backend = find(objs, 'Deployment', 'backend');
    await expect(validateSchema(backend)).resolves.toBeUndefined();
    expect(backend.spec.template.spec.containers[0].resources).toEqual({
      requests: { cpu: '1000m', memory: '1Gi' },
      limits: { memory: '1Gi' },
    });
    const strip = (list: K8sObject[]) =>
      list.filter((o) => !(o.kind === 'Deployment' && o.metadata.name === 'backend'));
    expect(strip(objs)).toEqual(strip(eks));
    // The rolling update that applies it never drops below the current ready count.
    expect(backend.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
  });
});

const destroyEnv = {
  AWS_REGION: 'us-east-1',
  TF_STATE_BUCKET: 'proyecto06-terraform-state-123456789012',
  TF_LOCK_TABLE: 'proyecto06-terraform-locks',
  CONFIRM_DESTROY: 'proyecto06',
};
const backupAddresses = [
  'module.eks.aws_kms_alias.backups',
  'module.eks.aws_kms_key.backups',
  'module.eks.aws_s3_bucket.backups',
  'module.eks.aws_s3_bucket_lifecycle_configuration.backups',
  'module.eks.aws_s3_bucket_versioning.backups',
];
const noCluster: Rule[] = [
  ['^terraform .*output -raw cluster_name', 0, 'proyecto06'],
  ['^terraform .*output -raw backup_bucket', 0, 'proyecto06-backups-123456789012-us-east-1'],
  [
    '^terraform .*state list',
    0,
    [...backupAddresses, 'module.eks.aws_iam_role.backups', 'module.eks.aws_eks_cluster.this'].join('\\n') +
      '\\n',
  ],
  ['^aws eks describe-cluster', 254, ''],
];
const stateRm = /^terraform -chdir=\S+ state rm /;
const tfDestroy = /^terraform -chdir=\S+ destroy /;

describe('destroy.sh and the backup bucket', () => {
  it('keeps the bucket and its key by default: out of the state before terraform destroy', () => {
    const r = runScript('destroy.sh', noCluster, destroyEnv);
    expect(r.status, r.stderr).toBe(0);
    const rm = r.calls.findIndex((c) => stateRm.test(c));
    expect(rm).toBeGreaterThanOrEqual(0);
    expect(rm).toBeLessThan(r.calls.findIndex((c) => tfDestroy.test(c)));
    expect(
      r.calls[rm]!.split(' ')
        .filter((w) => w.startsWith('module.'))
        .sort(),
    ).toEqual(backupAddresses);
    expect(r.summary).toContain('- kept: database backups in proyecto06-backups-123456789012-us-east-1');
  });

  it('--delete-backups leaves them in the state, so terraform destroy deletes them', () => {
    const r = runScript('destroy.sh', noCluster, destroyEnv, ['--delete-backups']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls.some((c) => stateRm.test(c))).toBe(false);
    expect(r.calls.some((c) => tfDestroy.test(c))).toBe(true);
    expect(r.summary).toContain('- removed: database backup bucket and its KMS key (--delete-backups)');
  });

  it('refuses an unknown option before touching anything', () => {
    const r = runScript('destroy.sh', noCluster, destroyEnv, ['--delete-backup']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("unknown argument '--delete-backup'");
    expect(r.calls).toEqual([]);
  });
});

describe('destroy.yml: the delete_backups input', () => {
  const wf: any = parse(readFileSync(join(repoRoot, '.github/workflows/destroy.yml'), 'utf8'));
  const step = wf.jobs.destroy.steps.find((s: { run?: string }) => /scripts\/destroy\.sh/.test(s.run ?? ''));
  /** The step's command as Actions runs it: each `${{ inputs.NAME && 'A' || 'B' }}` evaluated. */
  const command = (inputs: Record<string, boolean>): string[] =>
    String(step.run)
      .replace(
        /\$\{\{\s*inputs\.(\w+)\s*&&\s*'([^']*)'\s*\|\|\s*'([^']*)'\s*\}\}/g,
        (_all, name: string, yes: string, no: string) => {
          if (!(name in inputs)) throw new Error(`the step reads an unknown input ${name}`);
          return inputs[name] ? yes : no;
        },
      )
      .trim()
      .split(/\s+/);

  it('is a boolean that is false unless the operator ticks it', () => {
    expect(wf.on.workflow_dispatch.inputs.delete_backups).toMatchObject({
      type: 'boolean',
      required: false,
      default: false,
    });
  });

  it.each([
    [false, 'kept'],
    [true, 'deleted'],
  ])('delete_backups=%s: destroy.sh runs and the backups are %s', (value, outcome) => {
    const [script, ...args] = command({ delete_backups: value });
    expect(script).toBe('scripts/destroy.sh');
    expect(args.join(' ')).not.toContain('${{');
    const r = runScript('destroy.sh', noCluster, destroyEnv, args);
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls.some((c) => stateRm.test(c))).toBe(outcome === 'kept');
    expect(r.summary).toContain(
      outcome === 'kept'
        ? '- kept: database backups in proyecto06-backups-123456789012-us-east-1'
        : '- removed: database backup bucket and its KMS key (--delete-backups)',
    );
  });
});
