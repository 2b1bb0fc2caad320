// Offline IAM coverage: every resource type and data source of the main stack (envs/production and the
// modules it uses) has a row in support/iam-actions.ts, and the CI roles' policy documents allow each
// action there: the deploy role creates, reads and deletes (applies replace resources), the destroy role
// reads and deletes, the plan role reads data sources. Then the guard rails: no way for the pipeline to
// grant itself more, and the plan role reads no data.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataSourceActions, resourceActions } from './support/iam-actions.ts';
import { evaluate, rolePolicy, sample, type Request } from './support/iam.ts';
import { infraDir } from './support/tools.ts';

const tfRoot = join(infraDir, 'terraform');

/** The .tf files of a root and, recursively, of the local modules it calls. */
function configFiles(dir: string, seen = new Set<string>()): string[] {
  if (seen.has(dir)) return [];
  seen.add(dir);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tf'))
    .map((f) => join(dir, f));
  const modules = files.flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/^\s*source\s*=\s*"(\.\.?\/[^"]+)"/gm)].map((m) =>
      resolve(dir, m[1]!),
    ),
  );
  return [...files, ...modules.flatMap((m) => configFiles(m, seen))];
}

const mainStack = configFiles(join(tfRoot, 'envs/production'));
const text = mainStack.map((f) => readFileSync(f, 'utf8')).join('\n');
const types = (kind: 'resource' | 'data') =>
  [...new Set([...text.matchAll(new RegExp(`^${kind} "(\\w+)"`, 'gm'))].map((m) => m[1]!))].sort();
const resources = types('resource');
const dataSources = types('data');

const problems = (role: string, requests: Request[]) => {
  const policy = rolePolicy(role);
  return requests
    .map((r) => [r, evaluate(policy, r)] as const)
    .filter(([, d]) => d !== 'allowed')
    .map(([r, d]) => `${role}: ${r.action} on ${r.resource} ${JSON.stringify(r.context ?? {})} is ${d}`);
};

it('reads the main stack and its modules', () => {
  expect(mainStack.some((f) => f.includes('modules/eks'))).toBe(true);
  expect(resources).toEqual(expect.arrayContaining(['aws_eks_cluster', 'aws_kms_key', 'aws_vpc']));
});

describe('every planned resource type is covered', () => {
  it('has a row in the coverage table', () => {
    expect(resources.filter((t) => !(t in resourceActions))).toEqual([]);
    expect(dataSources.filter((t) => !(t in dataSourceActions))).toEqual([]);
  });

  it.each(resources)('%s: deploy may create, read and delete it; destroy may read and delete it', (type) => {
    const ops = resourceActions[type]!;
    expect(problems('deploy', [...ops.create, ...ops.read, ...ops.delete])).toEqual([]);
    expect(problems('destroy', [...ops.read, ...ops.delete])).toEqual([]);
  });

  it.each(dataSources)('data source %s: plan, deploy and destroy may read it', (type) => {
    for (const role of ['plan', 'deploy', 'destroy'])
      expect(problems(role, dataSourceActions[type]!)).toEqual([]);
  });
});

describe('the pipeline cannot grant itself more', () => {
  const acct = sample.account_id;
  const ciRole = `arn:aws:iam::${acct}:role/proyecto06-ci-deploy`;
  const workload = `arn:aws:iam::${acct}:role/${sample.workload_prefix}x`;
  const admin = { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/AdministratorAccess' };
  const refused: [string, Request][] = [
    ['attach a policy to a CI role', { action: 'iam:AttachRolePolicy', resource: ciRole, context: admin }],
    ['put an inline policy on a CI role', { action: 'iam:PutRolePolicy', resource: ciRole }],
    ['change a CI role trust', { action: 'iam:UpdateAssumeRolePolicy', resource: ciRole }],
    ['create a workload role without the boundary', { action: 'iam:CreateRole', resource: workload }],
    [
      'create a workload role with another boundary',
      {
        action: 'iam:CreateRole',
        resource: workload,
        context: { 'iam:PermissionsBoundary': `arn:aws:iam::${acct}:policy/other` },
      },
    ],
    [
      'create a role outside the workload prefix',
      {
        action: 'iam:CreateRole',
        resource: `arn:aws:iam::${acct}:role/proyecto06-admin`,
        context: { 'iam:PermissionsBoundary': sample.boundary_arn },
      },
    ],
    ['remove a boundary', { action: 'iam:DeleteRolePermissionsBoundary', resource: workload }],
    ['rewrite the boundary', { action: 'iam:CreatePolicyVersion', resource: sample.boundary_arn }],
    [
      'pass a CI role',
      { action: 'iam:PassRole', resource: ciRole, context: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    ],
    [
      'delete the state bucket',
      { action: 's3:DeleteBucket', resource: `arn:aws:s3:::${sample.state_bucket}` },
    ],
    ['create a user', { action: 'iam:CreateUser', resource: `arn:aws:iam::${acct}:user/x` }],
  ];
  it.each(refused)('deploy and destroy cannot %s', (_what, request) => {
    for (const role of ['deploy', 'destroy'])
      expect(evaluate(rolePolicy(role), request), role).not.toBe('allowed');
  });

  it('a role the deploy creates with the boundary is allowed (the check above is not vacuous)', () => {
    expect(
      evaluate(rolePolicy('deploy'), {
        action: 'iam:CreateRole',
        resource: workload,
        context: { 'iam:PermissionsBoundary': sample.boundary_arn },
      }),
    ).toBe('allowed');
  });

  it('every IAM role of the main stack is named with the workload prefix and carries the boundary', () => {
    const roles = [...text.matchAll(/^resource "aws_iam_role" "(\w+)" \{\n([\s\S]*?)\n\}/gm)];
    expect(roles.length).toBeGreaterThanOrEqual(3);
    for (const [, name, body] of roles) {
      expect(body, name).toMatch(/^\s*name\s*=\s*"\$\{var\.iam_role_prefix\}/m);
      expect(body, name).toMatch(/^\s*permissions_boundary\s*=\s*var\.iam_permissions_boundary_arn$/m);
    }
  });
});

describe('plan role', () => {
  const plan = rolePolicy('plan');
  it('reads the state object and no other object, secret or parameter', () => {
    const state = `arn:aws:s3:::${sample.state_bucket}`;
    expect(
      evaluate(plan, { action: 's3:GetObject', resource: `${state}/proyecto06/eks/terraform.tfstate` }),
    ).toBe('allowed');
    for (const r of [
      { action: 's3:GetObject', resource: `arn:aws:s3:::proyecto06-backups-${sample.account_id}/dump.sql` },
      { action: 's3:PutObject', resource: `${state}/proyecto06/eks/terraform.tfstate` },
      { action: 'secretsmanager:GetSecretValue', resource: '*' },
      { action: 'ssm:GetParameter', resource: '*' },
    ])
      expect(evaluate(plan, r), r.action).not.toBe('allowed');
    const tf = readFileSync(join(tfRoot, 'bootstrap/ci-policies.tf'), 'utf8');
    expect(tf).toContain('policy/job-function/ViewOnlyAccess');
    expect(tf).not.toMatch(/policy\/ReadOnlyAccess/);
  });
});
