// scripts/deploy.sh and scripts/destroy.sh with stub kubectl, aws, terraform and curl that record
// their calls and answer like the real tools: the order of the steps, the stops on failure, the
// rollback, and destroy's refusal to run terraform destroy while a load balancer exists.
import { describe, expect, it } from 'vitest';
import { indexOf, outOfOrder, runScript, type Rule } from './support/sandbox.ts';

const sha = '0123456789abcdef0123456789abcdef01234567';
const job = `backend-migrate-${sha.slice(0, 12)}`;
const lbArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/a1b2c3/0123456789abcdef';
const secretValue = 'Zq9Secret0fTheStub';

const deployEnv = {
  AWS_REGION: 'us-east-1',
  TF_STATE_BUCKET: 'proyecto06-terraform-state-123456789012',
  TF_LOCK_TABLE: 'proyecto06-terraform-locks',
  IMAGE_TAG: sha,
};

// Answers of a healthy AWS account and cluster; a test puts its own failing rules in front.
const healthyDeploy: Rule[] = [
  ['^terraform .*output -raw cluster_name', 0, 'proyecto06'],
  ['^terraform .*output -raw ecr_registry', 0, '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
  ['^terraform .*output -raw certificate_arn', 0, ''],
  ['^terraform .*output -raw backup_bucket', 0, 'proyecto06-backups-123456789012-us-east-1'],
  [
    '^terraform .*output -raw database_secret_id',
    0,
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:proyecto06/database-AbC',
  ],
  [
    '^terraform .*output -raw jwt_secret_id',
    0,
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:proyecto06/jwt-secret-AbC',
  ],
  ['^kubectl kustomize ', 0, '@real'],
  ['^kubectl create secret generic ', 0, 'apiVersion: v1\\nkind: Secret\\n'],
  ['^kubectl get service/frontend-service .*hostname', 0, 'k8s-proyecto06-abc.elb.us-east-1.amazonaws.com'],
  ['^aws secretsmanager list-secret-version-ids ', 0, '1\\n'],
  ['^aws secretsmanager get-secret-value ', 0, `${secretValue}\\n`],
  ['^curl .*/healthz$', 0, 'ok'],
  ['^curl .*/health$', 0, '{"status":"ok","checks":{}}'],
  ['^curl .*/api/tags$', 0, '{"tags":["dragons"]}'],
  ['^curl .*/$', 0, '<!doctype html><app-root></app-root>'],
];

const stage = (s: string) =>
  new RegExp(`^kubectl apply -f \\S+ --selector app.kubernetes.io/component=${s}$`);

describe('deploy.sh', () => {
  it('applies the design order, waiting on each stage, then smoke-tests and reports the URL', () => {
    const r = runScript('deploy.sh', healthyDeploy, deployEnv);
    expect(r.status, r.stderr).toBe(0);
    expect(
      outOfOrder(r.calls, [
        /^terraform -chdir=\S+ init -input=false .*-backend-config=bucket=proyecto06-terraform-state-123456789012/,
        /^terraform -chdir=\S+ apply -input=false -auto-approve/,
        /^aws eks update-kubeconfig --name proyecto06 --region us-east-1$/,
        stage('platform'),
        /^kubectl create secret generic database-credentials /,
        /^kubectl create secret generic backend-secrets /,
        stage('database'),
        /^kubectl rollout status statefulset\/database /,
        stage('migration'),
        new RegExp(`^kubectl wait job/${job} --for=condition=complete`),
        stage('backend'),
        /^kubectl rollout status deployment\/backend /,
        stage('frontend'),
        /^kubectl rollout status deployment\/frontend /,
        /^kubectl wait service\/frontend-service --for=jsonpath=\{\.status\.loadBalancer\.ingress\}/,
        /^curl .* http:\/\/k8s-proyecto06-abc\.elb\.us-east-1\.amazonaws\.com\/healthz$/,
      ]),
    ).toEqual([]);
    expect(indexOf(r.calls, /rollout undo/)).toBe(-1);
    expect(r.summary).toContain('Public URL: http://k8s-proyecto06-abc.elb.us-east-1.amazonaws.com');
    // Secret values reach kubectl only through files, never as arguments.
    expect(r.calls.join('\n')).not.toContain(secretValue);
    expect(
      r.calls.filter((c) => c.startsWith('kubectl create secret')).every((c) => /--from-file=/.test(c)),
    ).toBe(true);
  });

  it("applies the backup CronJob with the database, writing to Terraform's backup bucket", () => {
    const r = runScript('deploy.sh', healthyDeploy, deployEnv);
    expect(r.status, r.stderr).toBe(0);
    expect(r.files).toContain('BACKUP_BUCKET: proyecto06-backups-123456789012-us-east-1');
    expect(r.files).not.toContain('__BACKUP_BUCKET__');
    expect(r.files).toMatch(
      /kind: CronJob\n\s*metadata:(\n\s+.*)*?\n\s+app.kubernetes.io\/component: database/,
    );
    // Without the output (an older state), nothing is applied: the release refuses to render.
    const none = runScript(
      'deploy.sh',
      [['^terraform .*output -raw backup_bucket', 0, ''], ...healthyDeploy],
      deployEnv,
    );
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain('--backup-bucket must be the S3 bucket of the backups');
    expect(none.calls.some((c) => c.startsWith('kubectl apply'))).toBe(false);
  });

  it('waits with real conditions, never fixed sleeps', () => {
    const r = runScript('deploy.sh', healthyDeploy, deployEnv);
    const waits = r.calls.filter((c) => /^kubectl (wait|rollout status)/.test(c));
    expect(waits).toHaveLength(5);
    for (const w of waits) expect(w).toMatch(/--timeout=1m/);
  });

  it('generates a secret value inside Secrets Manager on the first deploy', () => {
    const r = runScript(
      'deploy.sh',
      [
        ['^aws secretsmanager list-secret-version-ids ', 0, '0\\n'],
        ['^aws secretsmanager get-random-password', 0, 'generated\\n'],
        ...healthyDeploy,
      ],
      deployEnv,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(
      r.calls.filter((c) =>
        /^aws secretsmanager get-random-password --password-length (32|64) --exclude-punctuation/.test(c),
      ),
    ).toHaveLength(2);
    expect(
      r.calls.filter((c) =>
        /^aws secretsmanager put-secret-value --secret-id \S+ --secret-string file:\/\//.test(c),
      ),
    ).toHaveLength(2);
  });

  it('stops with a clear message when the database does not become ready, before migrating', () => {
    const r = runScript(
      'deploy.sh',
      [
        ['^kubectl rollout status statefulset/database', 1, 'error: timed out waiting for the condition\\n'],
        ...healthyDeploy,
      ],
      deployEnv,
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('deploy stopped: the database becoming ready did not happen within 1m');
    expect(indexOf(r.calls, stage('migration'))).toBe(-1);
    expect(indexOf(r.calls, stage('backend'))).toBe(-1);
    expect(indexOf(r.calls, /^kubectl get pods,jobs,events/)).toBeGreaterThan(-1);
  });

  it('stops when the migration Job fails, shows its logs and leaves the backend untouched', () => {
    const r = runScript('deploy.sh', [[`^kubectl wait job/${job} `, 1, ''], ...healthyDeploy], deployEnv);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`deploy stopped: migration Job ${job} did not complete`);
    expect(indexOf(r.calls, new RegExp(`^kubectl logs job/${job}`))).toBeGreaterThan(-1);
    expect(indexOf(r.calls, stage('backend'))).toBe(-1);
  });

  it('stops when the backend rollout fails, before the frontend', () => {
    const r = runScript(
      'deploy.sh',
      [['^kubectl rollout status deployment/backend', 1, ''], ...healthyDeploy],
      deployEnv,
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('deploy stopped: the backend rollout did not happen within 1m');
    expect(indexOf(r.calls, stage('frontend'))).toBe(-1);
  });

  it('stops when the load balancer never gets a hostname, without smoke test or rollback', () => {
    const r = runScript(
      'deploy.sh',
      [['^kubectl wait service/frontend-service', 1, ''], ...healthyDeploy],
      deployEnv,
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('the load balancer getting a hostname did not happen');
    expect(indexOf(r.calls, /^curl /)).toBe(-1);
  });

  it('rolls both Deployments back when the smoke test fails', () => {
    const r = runScript('deploy.sh', [['^curl .*/api/tags$', 22, ''], ...healthyDeploy], deployEnv);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('smoke test failed: deployments rolled back');
    expect(
      outOfOrder(r.calls, [
        /^curl .*\/api\/tags$/,
        /^kubectl rollout undo deployment\/backend /,
        /^kubectl rollout status deployment\/backend /,
        /^kubectl rollout undo deployment\/frontend /,
      ]),
    ).toEqual([]);
    expect(r.summary).toContain('failed its smoke test and was rolled back');
    expect(r.summary).not.toContain('Public URL');
  });

  it('refuses to start without its configuration', () => {
    const r = runScript('deploy.sh', healthyDeploy, { ...deployEnv, IMAGE_TAG: '' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('environment variable IMAGE_TAG is required');
    expect(r.calls).toEqual([]);
  });
});

const destroyEnv = {
  AWS_REGION: 'us-east-1',
  TF_STATE_BUCKET: 'proyecto06-terraform-state-123456789012',
  TF_LOCK_TABLE: 'proyecto06-terraform-locks',
  CONFIRM_DESTROY: 'proyecto06',
};

const liveCluster: Rule[] = [
  ['^terraform .*output -raw cluster_name', 0, 'proyecto06'],
  ['^kubectl get services --all-namespaces', 0, 'proyecto06/frontend-service\\n'],
  [
    '^aws resourcegroupstaggingapi get-resources --resource-type-filters elasticloadbalancing:loadbalancer',
    0,
    `${lbArn}\\n`,
  ],
  // After the waiter, AWS no longer knows the load balancer (the tagging API may still list it).
  ['^aws elbv2 describe-load-balancers ', 254, ''],
  ['^aws ec2 describe-volumes ', 0, 'vol-0123456789abcdef0\\n'],
  ['^aws resourcegroupstaggingapi get-resources ', 0, ''],
];

const tfDestroy = /^terraform -chdir=\S+ destroy /;

describe('destroy.sh', () => {
  it('removes load balancers, workloads and volumes first, then terraform destroy, then ECR', () => {
    const r = runScript('destroy.sh', liveCluster, destroyEnv);
    expect(r.status, r.stderr).toBe(0);
    expect(
      outOfOrder(r.calls, [
        /^terraform -chdir=\S+ init /,
        /^aws eks update-kubeconfig --name proyecto06 /,
        /^kubectl delete service frontend-service --namespace proyecto06 /,
        new RegExp(`^aws elbv2 wait load-balancers-deleted --load-balancer-arns ${lbArn}$`),
        /^kubectl delete deployments,statefulsets,jobs,horizontalpodautoscalers,poddisruptionbudgets --all --namespace proyecto06/,
        /^kubectl delete deployment cluster-autoscaler --namespace kube-system/,
        /^kubectl delete persistentvolumeclaims --all --namespace proyecto06/,
        /^aws ec2 wait volume-deleted --volume-ids vol-0123456789abcdef0$/,
        tfDestroy,
        /^aws ecr delete-repository --repository-name proyecto06-frontend --force$/,
      ]),
    ).toEqual([]);
    expect(r.calls.filter((c) => c.startsWith('aws ecr delete-repository'))).toHaveLength(3);
    // The EBS volumes are listed before their claims are deleted (the tags go away with the volumes).
    expect(indexOf(r.calls, /^aws ec2 describe-volumes/)).toBeLessThan(
      indexOf(r.calls, /^kubectl delete persistentvolumeclaims/),
    );
    expect(r.summary).toContain(`- removed: load balancer ${lbArn}`);
    expect(r.summary).toContain('- removed: EBS volume vol-0123456789abcdef0');
    expect(r.summary).toContain('- kept: the bootstrap');
    expect(r.summary).toContain('Nothing tagged for proyecto06 or cluster proyecto06 is left.');
    expect(indexOf(r.calls, /s3api|delete-bucket|dynamodb delete-table/)).toBe(-1);
  });

  it('never runs terraform destroy while AWS has not deleted a load balancer', () => {
    const r = runScript(
      'destroy.sh',
      [
        [
          '^aws elbv2 wait load-balancers-deleted',
          255,
          'Waiter LoadBalancersDeleted failed: Max attempts exceeded\\n',
        ],
        ...liveCluster,
      ],
      destroyEnv,
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`load balancer ${lbArn} still exists`);
    expect(indexOf(r.calls, tfDestroy)).toBe(-1);
    expect(indexOf(r.calls, /^aws ecr delete-repository/)).toBe(-1);
  });

  it('checks again right before terraform destroy and refuses if a load balancer is still there', () => {
    const r = runScript(
      'destroy.sh',
      [['^aws elbv2 describe-load-balancers ', 0, '{}'], ...liveCluster],
      destroyEnv,
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`refusing terraform destroy: load balancer ${lbArn} still exists`);
    expect(indexOf(r.calls, tfDestroy)).toBe(-1);
  });

  it('stops before terraform destroy when an EBS volume is not deleted', () => {
    const r = runScript(
      'destroy.sh',
      [['^aws ec2 wait volume-deleted', 255, ''], ...liveCluster],
      destroyEnv,
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('EBS volume vol-0123456789abcdef0 still exists');
    expect(indexOf(r.calls, tfDestroy)).toBe(-1);
  });

  it('re-runs after a partial failure: cluster already gone, repositories already deleted', () => {
    const r = runScript(
      'destroy.sh',
      [
        ['^aws eks describe-cluster ', 254, ''],
        [
          '^aws resourcegroupstaggingapi get-resources --resource-type-filters elasticloadbalancing:loadbalancer',
          0,
          '',
        ],
        ['^aws ecr describe-repositories ', 254, ''],
        ...liveCluster,
      ],
      destroyEnv,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(indexOf(r.calls, /^kubectl /)).toBe(-1);
    expect(indexOf(r.calls, tfDestroy)).toBeGreaterThan(-1);
    expect(indexOf(r.calls, /^aws ecr delete-repository/)).toBe(-1);
  });

  it('fails with a report when something tagged for the project is left', () => {
    const left = 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123456789abcdef0';
    const r = runScript(
      'destroy.sh',
      [
        ['^aws resourcegroupstaggingapi get-resources --tag-filters Key=Project', 0, `${left}\\n`],
        ...liveCluster,
      ],
      destroyEnv,
    );
    expect(r.status).not.toBe(0);
    expect(indexOf(r.calls, tfDestroy)).toBeGreaterThan(-1);
    expect(r.summary).toContain(`- ${left}`);
    expect(r.stderr).toContain('resources tagged for proyecto06 are left');
  });

  it('does nothing without the typed confirmation', () => {
    const r = runScript('destroy.sh', liveCluster, { ...destroyEnv, CONFIRM_DESTROY: 'yes' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('set CONFIRM_DESTROY=proyecto06');
    expect(r.calls).toEqual([]);
  });
});

const digest = (c: string) => `sha256:${c.charCodeAt(0).toString(16).repeat(32)}`;
const digests = ['frontend', 'backend', 'database'].map((c) => `${c}=${digest(c)}`).join(' ');

describe('deploy.sh: releases by digest, scan gate, re-runs and rollback', () => {
  it('deploys the images by the digests ECR returned, after their scans came back clean', () => {
    const r = runScript('deploy.sh', healthyDeploy, { ...deployEnv, IMAGE_DIGESTS: digests });
    expect(r.status, r.stderr).toBe(0);
    expect(
      outOfOrder(r.calls, [
        /^aws ecr wait image-scan-complete --repository-name proyecto06-frontend --image-id imageDigest=sha256:/,
        /^aws ecr describe-image-scan-findings --repository-name proyecto06-database /,
        /^terraform -chdir=\S+ init /,
      ]),
    ).toEqual([]);
    expect(r.calls.filter((c) => /describe-image-scan-findings/.test(c))).toHaveLength(3);
    for (const c of ['frontend', 'backend', 'database'])
      expect(r.files).toContain(`/proyecto06-${c}@${digest(c)}`);
    expect(r.files).not.toMatch(/proyecto06-(frontend|backend|database):/);
  });

  it('stops before any change when a pushed image has critical findings', () => {
    const r = runScript(
      'deploy.sh',
      [
        ['^aws ecr describe-image-scan-findings --repository-name proyecto06-backend ', 0, '2\\n'],
        ...healthyDeploy,
      ],
      { ...deployEnv, IMAGE_DIGESTS: digests },
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`proyecto06-backend@${digest('backend')} has 2 critical vulnerabilities`);
    expect(indexOf(r.calls, /^terraform /)).toBe(-1);
    expect(indexOf(r.calls, /^kubectl /)).toBe(-1);
  });

  it('a re-run of the same SHA deletes the failed migration Job before applying it again', () => {
    const r = runScript('deploy.sh', [[`^kubectl get job/${job} `, 0, 'True'], ...healthyDeploy], deployEnv);
    expect(r.status, r.stderr).toBe(0);
    expect(
      outOfOrder(r.calls, [
        new RegExp(`^kubectl delete job/${job} --namespace proyecto06 --wait=true`),
        stage('migration'),
        new RegExp(`^kubectl wait job/${job} --for=condition=complete`),
      ]),
    ).toEqual([]);
  });

  it('keeps a migration Job that completed or is still running (never killed mid-migration)', () => {
    const r = runScript('deploy.sh', [[`^kubectl get job/${job} `, 0, ''], ...healthyDeploy], deployEnv);
    expect(r.status, r.stderr).toBe(0);
    expect(indexOf(r.calls, /^kubectl delete job\//)).toBe(-1);
  });

  it('a rollback reverts only the Deployments, never the schema', () => {
    const r = runScript('deploy.sh', [['^curl .*/api/tags$', 22, ''], ...healthyDeploy], deployEnv);
    const undo = indexOf(r.calls, /rollout undo/);
    expect(undo).toBeGreaterThan(-1);
    expect(r.calls.slice(undo).filter((c) => /migrat|job\//.test(c))).toEqual([]);
  });
});

describe('deploy.sh: HTTPS only with an issued certificate', () => {
  const cert = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';
  const withCert: Rule[] = [['^terraform .*output -raw certificate_arn', 0, cert], ...healthyDeploy];

  it('stops before touching the cluster while the certificate is not issued, naming the DNS records to add', () => {
    const r = runScript(
      'deploy.sh',
      [
        ['^aws acm describe-certificate ', 0, 'PENDING_VALIDATION\\n'],
        [
          '^aws acm wait certificate-validated ',
          255,
          'Waiter CertificateValidated failed: Max attempts exceeded\\n',
        ],
        ...withCert,
      ],
      deployEnv,
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`certificate ${cert} is not issued (PENDING_VALIDATION)`);
    expect(r.stderr).toContain('output certificate_validation_records');
    expect(indexOf(r.calls, /^kubectl /)).toBe(-1);
  });

  it('puts an issued certificate on the load balancer without waiting', () => {
    const r = runScript(
      'deploy.sh',
      [['^aws acm describe-certificate ', 0, 'ISSUED\\n'], ...withCert],
      deployEnv,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(indexOf(r.calls, /^aws acm wait/)).toBe(-1);
    expect(r.files).toContain(cert);
  });
});

describe('destroy.sh: what only looks like a leftover', () => {
  const key = 'arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000';
  const eni = 'arn:aws:ec2:us-east-1:123456789012:network-interface/eni-0123456789abcdef0';
  const tagged = (arns: string[]): Rule => [
    '^aws resourcegroupstaggingapi get-resources --tag-filters Key=Project',
    0,
    `${arns.join('\\n')}\\n`,
  ];

  it('a KMS key pending deletion and an ENI AWS no longer has are reported as going away, not as leftovers', () => {
    const r = runScript(
      'destroy.sh',
      [
        tagged([key, eni]),
        ['^aws kms describe-key ', 0, 'PendingDeletion\\n'],
        ['^aws ec2 describe-network-interfaces ', 254, ''],
        ...liveCluster,
      ],
      destroyEnv,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.summary).toContain(`- going away: ${key}: KMS key pending deletion`);
    expect(r.summary).toContain(`- going away: ${eni}: deleted (the tagging API lags)`);
    expect(r.summary).toContain('Nothing tagged for proyecto06 or cluster proyecto06 is left.');
  });

  it('a KMS key that is still enabled is a leftover', () => {
    const r = runScript(
      'destroy.sh',
      [tagged([key]), ['^aws kms describe-key ', 0, 'Enabled\\n'], ...liveCluster],
      destroyEnv,
    );
    expect(r.status).not.toBe(0);
    expect(r.summary).toContain(`- ${key}`);
    expect(r.stderr).toContain('resources tagged for proyecto06 are left');
  });

  it('skips what is kept on purpose (tag KeptOnDestroy=true) in the leftovers query', () => {
    const r = runScript('destroy.sh', liveCluster, destroyEnv);
    expect(r.calls.find((c) => c.includes('--tag-filters Key=Project'))).toContain(
      "(Key=='KeptOnDestroy' && Value=='true')",
    );
  });
});

describe('observability in deploy.sh and destroy.sh', () => {
  const withMonitoringSecrets: Rule[] = [
    [
      '^terraform .*output -raw monitoring_secret_id',
      0,
      'arn:aws:secretsmanager:us-east-1:1:secret:proyecto06/monitoring-A',
    ],
    [
      '^terraform .*output -raw grafana_secret_id',
      0,
      'arn:aws:secretsmanager:us-east-1:1:secret:proyecto06/grafana-admin-A',
    ],
    [
      '^terraform .*output -raw openai_secret_id',
      0,
      'arn:aws:secretsmanager:us-east-1:1:secret:proyecto06/openai-api-key-A',
    ],
  ];
  const noOpenAiKey: Rule[] = [
    ['^aws secretsmanager list-secret-version-ids --secret-id \\S+openai', 0, '0\\n'],
    ['^kubectl get secret k8sgpt-openai ', 1, ''],
  ];

  it('installs the pinned stack after the secrets, its component after the CRDs, before the database', () => {
    const r = runScript('deploy.sh', [...withMonitoringSecrets, ...noOpenAiKey, ...healthyDeploy], deployEnv);
    expect(r.status, r.stderr).toBe(0);
    expect(
      outOfOrder(r.calls, [
        stage('platform'),
        /^kubectl create secret generic database-credentials /,
        /^kubectl create namespace monitoring /,
        /^kubectl create secret generic grafana-admin --namespace monitoring /,
        /^helm upgrade --install kube-prometheus-stack kube-prometheus-stack --repo https:\/\/prometheus-community\.github\.io\/helm-charts --version \d+\.\d+\.\d+ --namespace monitoring .*--values \S+\/infra\/monitoring\/helm\/kube-prometheus-stack\.values\.yaml --wait/,
        /^kubectl kustomize \S+\/infra\/k8s\/monitoring$/,
        stage('database'),
        /^kubectl rollout status statefulset\/database /,
        /^kubectl exec statefulset\/database --container database --namespace proyecto06 -- \/docker-entrypoint-initdb\.d\/20-monitoring\.sh$/,
        stage('migration'),
      ]),
    ).toEqual([]);
    // The rendered component reached `kubectl apply -f -` (the pipe's two ends start together, so the
    // order of their calls in the log is not asserted).
    expect(r.stdin).toContain('kind: PrometheusRule');
    expect(r.stdin).toContain('kind: ServiceMonitor');
    // The pg_monitor and Grafana passwords come from Secrets Manager; the OpenAI key is never generated.
    for (const id of ['monitoring', 'grafana-admin'])
      expect(
        indexOf(r.calls, new RegExp(`^aws secretsmanager get-secret-value --secret-id \\S+/${id}-A `)),
      ).toBeGreaterThan(-1);
    expect(indexOf(r.calls, /^aws secretsmanager (get-random-password|put-secret-value) .*openai/)).toBe(-1);
    expect(indexOf(r.calls, /^helm .*k8sgpt-operator/)).toBe(-1);
    expect(r.summary).toContain(
      'K8sGPT skipped: no OpenAI key in Secrets Manager (proyecto06/openai-api-key)',
    );
  });

  it('installs K8sGPT with the stored OpenAI key and writes its findings into the job summary', () => {
    const r = runScript(
      'deploy.sh',
      [
        ...withMonitoringSecrets,
        [
          '^kubectl get results.core.k8sgpt.ai ',
          0,
          'Pod proyecto06/backend-1: Back-off restarting failed container\\n',
        ],
        ...healthyDeploy,
      ],
      deployEnv,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(
      outOfOrder(r.calls, [
        /^kubectl create secret generic k8sgpt-openai --namespace k8sgpt-operator-system /,
        /^curl .*\/healthz$/,
        /^helm upgrade --install k8sgpt-operator k8sgpt-operator --repo https:\/\/charts\.k8sgpt\.ai\/ --version \d+\.\d+\.\d+ /,
        /^kubectl apply -f \S+\/infra\/monitoring\/k8sgpt\/k8sgpt\.yaml$/,
      ]),
    ).toEqual([]);
    expect(r.summary).toContain('### K8sGPT findings');
    expect(r.summary).toContain('- Pod proyecto06/backend-1: Back-off restarting failed container');
    expect(r.calls.join('\n')).not.toContain(secretValue);
  });

  it('destroy removes K8sGPT and the monitoring stack, then their PVCs and EBS volumes, before terraform destroy', () => {
    const r = runScript('destroy.sh', liveCluster, destroyEnv);
    expect(r.status, r.stderr).toBe(0);
    expect(
      outOfOrder(r.calls, [
        /^kubectl delete deployments,statefulsets,jobs/,
        /^kubectl delete k8sgpts\.core\.k8sgpt\.ai --all --namespace k8sgpt-operator-system /,
        /^helm uninstall k8sgpt-operator --namespace k8sgpt-operator-system --wait/,
        /^helm uninstall kube-prometheus-stack --namespace monitoring --wait/,
        /^aws ec2 describe-volumes --filters Name=tag:kubernetes\.io\/created-for\/pvc\/namespace,Values=monitoring /,
        /^kubectl delete persistentvolumeclaims --all --namespace monitoring /,
        /^aws ec2 wait volume-deleted /,
        /^kubectl delete namespace monitoring k8sgpt-operator-system /,
        /^kubectl delete persistentvolumeclaims --all --namespace proyecto06 /,
        tfDestroy,
      ]),
    ).toEqual([]);
    expect(r.summary).toContain('- removed: Helm release kube-prometheus-stack');
  });

  it('destroy skips releases that are already gone', () => {
    const r = runScript(
      'destroy.sh',
      [['^helm status ', 1, 'Error: release: not found'], ...liveCluster],
      destroyEnv,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls.filter((c) => c.startsWith('helm status '))).toHaveLength(2);
    expect(indexOf(r.calls, /^helm uninstall/)).toBe(-1);
    expect(
      indexOf(r.calls, /^kubectl delete persistentvolumeclaims --all --namespace monitoring /),
    ).toBeGreaterThan(-1);
    expect(indexOf(r.calls, tfDestroy)).toBeGreaterThan(-1);
  });
});
