// Terraform, offline: fmt, init (provider from the local mirror), validate and `terraform test` with the
// AWS provider mocked, for the bootstrap, every module and the main stack.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { infraDir, run, runOk, terraformEnv, which } from './support/tools.ts';

const terraform = which('terraform');
const env = terraformEnv();
const tfRoot = join(infraDir, 'terraform');

// Each root with the number of `run` blocks its tests must pass (a deleted test is a failure too).
const roots: Record<string, number> = {
  bootstrap: 6,
  'modules/network': 7,
  'modules/eks': 7,
  'modules/secrets': 1,
  'modules/certificate': 3,
  'envs/production': 3,
};

it('every file is formatted (terraform fmt -check -recursive)', () => {
  const r = run(terraform, ['fmt', '-check', '-recursive', '-diff', tfRoot], { env });
  expect(r.stdout + r.stderr, 'files terraform fmt would change').toBe('');
  expect(r.status).toBe(0);
});

describe.each(Object.entries(roots))('%s', (dir, runs) => {
  const cwd = join(tfRoot, dir);

  it('initialises from the provider mirror and validates', () => {
    runOk(terraform, ['init', '-backend=false', '-input=false', '-no-color'], { cwd, env });
    expect(runOk(terraform, ['validate', '-no-color'], { cwd, env })).toContain('The configuration is valid');
  });

  it(`passes its ${runs} terraform test runs (mock_provider "aws")`, () => {
    const r = run(terraform, ['test', '-no-color'], { cwd, env });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`Success! ${runs} passed, 0 failed.`);
  });
});

describe('main stack', () => {
  const versions = readFileSync(join(tfRoot, 'envs/production/versions.tf'), 'utf8');

  it('keeps its state in S3 with the DynamoDB table and S3 native locking', () => {
    expect(versions).toMatch(/backend "s3" \{[^}]*use_lockfile\s*=\s*true/s);
    expect(versions).toMatch(/backend "s3" \{[^}]*encrypt\s*=\s*true/s);
    expect(readFileSync(join(tfRoot, 'envs/production/backend.hcl.example'), 'utf8')).toMatch(
      /dynamodb_table\s*=/,
    );
  });

  it('pins hashicorp/aws ~> 5.100 in every root and module', () => {
    for (const dir of Object.keys(roots)) {
      const text = readFileSync(join(tfRoot, dir, 'versions.tf'), 'utf8');
      expect(text, dir).toMatch(/source\s*=\s*"hashicorp\/aws"\s*\n\s*version\s*=\s*"~> 5\.100"/);
    }
  });

  it('types, describes and defaults every variable, and describes every output', () => {
    for (const dir of Object.keys(roots)) {
      const vars = readFileSync(join(tfRoot, dir, 'variables.tf'), 'utf8')
        .split(/^variable /m)
        .slice(1);
      expect(vars.length, dir).toBeGreaterThan(0);
      for (const block of vars) {
        const name = block.slice(0, block.indexOf('{')).trim();
        expect(block, `${dir} variable ${name}`).toMatch(/\n\s*description\s*=/);
        expect(block, `${dir} variable ${name}`).toMatch(/\n\s*type\s*=/);
        expect(block, `${dir} variable ${name}`).toMatch(/\n\s*default\s*=/);
      }
      const outputs = readFileSync(join(tfRoot, dir, 'outputs.tf'), 'utf8')
        .split(/^output /m)
        .slice(1);
      for (const block of outputs) expect(block, `${dir} output`).toMatch(/\n\s*description\s*=/);
    }
  });

  it('never outputs a secret value', () => {
    const outputs = readFileSync(join(tfRoot, 'envs/production/outputs.tf'), 'utf8');
    expect(outputs).not.toMatch(/secret_string|random_password|sensitive\s*=/);
  });
});
