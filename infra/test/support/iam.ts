// The CI roles' policy documents, rendered from infra/terraform/bootstrap/policies/*.json.tftpl with the
// same composition as ci-policies.tf, and an evaluator of IAM's rules for identity policies: an explicit
// Deny wins, otherwise an Allow whose Action, Resource and every Condition match, otherwise denied.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { infraDir } from './tools.ts';

const bootstrap = join(infraDir, 'terraform/bootstrap');

export const sample = {
  partition: 'aws',
  account_id: '123456789012',
  region: 'us-east-1',
  project: 'proyecto06',
  state_bucket: 'proyecto06-terraform-state-123456789012',
  lock_table: 'proyecto06-terraform-locks',
  workload_prefix: 'proyecto06-workload-',
  boundary_name: 'proyecto06-workload-boundary',
  boundary_arn: 'arn:aws:iam::123456789012:policy/proyecto06-workload-boundary',
};

export type Statement = {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
};
export type Policy = { Statement: Statement[] };

/** templatefile() of one template with the sample values; an unknown ${name} fails, as in Terraform. */
export function renderTemplate(name: string): Policy {
  const text = readFileSync(join(bootstrap, 'policies', `${name}.json.tftpl`), 'utf8').replace(
    /\$\{(\w+)\}/g,
    (_m, key: string) => {
      if (!(key in sample))
        throw new Error(`${name}.json.tftpl uses \${${key}}, which ci-policies.tf does not pass`);
      return sample[key as keyof typeof sample];
    },
  );
  return JSON.parse(text) as Policy;
}

/** Each CI role's documents, read from ci-policies.tf's local.ci_policy_documents. */
export function roleDocuments(): Record<string, string[]> {
  const tf = readFileSync(join(bootstrap, 'ci-policies.tf'), 'utf8');
  const block = /ci_policy_documents = \{([^}]*)\}/.exec(tf)?.[1];
  if (!block) throw new Error('ci-policies.tf has no local ci_policy_documents');
  return Object.fromEntries(
    [...block.matchAll(/(\w+)\s*=\s*\[([^\]]*)\]/g)].map(([, role, list]) => [
      role!,
      [...list!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!),
    ]),
  );
}

export function rolePolicy(role: string): Policy {
  const documents = roleDocuments()[role];
  if (!documents) throw new Error(`no CI role ${role}`);
  return { Statement: documents.flatMap((d) => renderTemplate(d).Statement) };
}

export type Request = { action: string; resource: string; context?: Record<string, string | string[]> };

const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** IAM's wildcard match: * any run of characters, ? one; actions are case-insensitive. */
function glob(pattern: string, value: string, ignoreCase = false): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    ignoreCase ? 'i' : '',
  );
  return re.test(value);
}

const operators: Record<string, (want: string, have: string) => boolean> = {
  StringEquals: (w, h) => w === h,
  StringLike: (w, h) => glob(w, h),
  ArnEquals: (w, h) => w === h,
  ArnLike: (w, h) => glob(w, h),
  Bool: (w, h) => w === h,
};

function conditionHolds(
  condition: Statement['Condition'],
  context: Record<string, string | string[]>,
): boolean {
  return Object.entries(condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, wanted]) => {
      const have = list(context[key]);
      if (operator === 'Null') return (have.length === 0) === (String(wanted) === 'true');
      const [base, ifExists] = operator.endsWith('IfExists')
        ? [operator.slice(0, -'IfExists'.length), true]
        : [operator, false];
      if (have.length === 0) return ifExists;
      if (base.startsWith('StringNot')) {
        const positive = operators[base.replace('Not', '')]!;
        return have.every((h) => !list(wanted).some((w) => positive(w, h)));
      }
      const test = operators[base];
      if (!test) throw new Error(`condition operator ${operator} is not modelled by this evaluator`);
      return have.some((h) => list(wanted).some((w) => test(w, h)));
    }),
  );
}

function matches(s: Statement, r: Request): boolean {
  for (const k of ['NotAction', 'NotResource', 'NotPrincipal'])
    if (k in s) throw new Error(`${s.Sid}: ${k} is not modelled by this evaluator`);
  return (
    list(s.Action).some((a) => glob(a, r.action, true)) &&
    list(s.Resource).some((p) => glob(p, r.resource)) &&
    conditionHolds(s.Condition, { 'aws:RequestedRegion': sample.region, ...r.context })
  );
}

export type Decision = 'allowed' | 'denied explicitly' | 'not allowed';

export function evaluate(policy: Policy, r: Request): Decision {
  const hits = policy.Statement.filter((s) => matches(s, r));
  if (hits.some((s) => s.Effect === 'Deny')) return 'denied explicitly';
  return hits.some((s) => s.Effect === 'Allow') ? 'allowed' : 'not allowed';
}
