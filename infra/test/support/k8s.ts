/* eslint-disable @typescript-eslint/no-explicit-any -- rendered manifests are untyped YAML; the assertions check their shape. */
// Rendering and validation helpers for the kustomize manifests.
import * as client from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { infraDir, repoRoot, runOk, which } from './tools.ts';
import { join } from 'node:path';

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: any;
  [key: string]: any;
};

export const kubectl = which('kubectl');

export function parseYaml(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((d) => {
      if (d.errors.length) throw new Error(d.errors.map((e) => e.message).join('\n'));
      return d.toJS() as K8sObject;
    })
    .filter(Boolean);
}

export function renderOverlay(name: string): K8sObject[] {
  return parseYaml(runOk(kubectl, ['kustomize', join(infraDir, 'k8s', name)]));
}

export const release = {
  registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
  tag: '0123456789abcdef0123456789abcdef01234567',
  backupBucket: 'proyecto06-backups-123456789012-eu-west-1',
};

export function renderRelease(extra: string[] = [], env: Record<string, string> = {}): K8sObject[] {
  return parseYaml(
    runOk(
      join(repoRoot, 'scripts/render-release.sh'),
      [
        '--registry',
        release.registry,
        '--tag',
        release.tag,
        '--region',
        'eu-west-1',
        '--backup-bucket',
        release.backupBucket,
        ...extra,
      ],
      { env: { ...process.env, ...env } },
    ),
  );
}

/** kubernetes-models: the JSON schema of the object's apiVersion/kind (types, required fields, enums). */
export async function validateSchema(obj: K8sObject): Promise<void> {
  const [group, version] = obj.apiVersion.includes('/')
    ? obj.apiVersion.split('/')
    : [undefined, obj.apiVersion];
  const path = `kubernetes-models/${group ? `${group}/` : ''}${version}/${obj.kind}`;
  const mod = await import(path);
  const Model = mod[obj.kind] ?? mod.default;
  new Model(obj).validate();
}

type AttributeMap = { name: string; baseName: string; type: string }[];
const models = client as unknown as Record<string, { getAttributeTypeMap?: () => AttributeMap }>;

/**
 * Unknown fields, which the JSON schemas let through: walks the object along the typed models of
 * @kubernetes/client-node (generated from the same OpenAPI) and lists every key that has no field.
 */
export function unknownFields(obj: K8sObject): string[] {
  const version = obj.apiVersion.split('/').pop()!;
  const root = `${version.charAt(0).toUpperCase()}${version.slice(1)}${obj.kind}`;
  if (!models[root]?.getAttributeTypeMap)
    throw new Error(`no typed model ${root} for ${obj.apiVersion} ${obj.kind}`);
  const problems: string[] = [];
  const walk = (value: unknown, type: string, path: string): void => {
    if (value === null || value === undefined) return;
    const array = /^Array<(.+)>$/.exec(type);
    if (array) {
      if (!Array.isArray(value)) return void problems.push(`${path}: expected a list`);
      value.forEach((v, i) => walk(v, array[1]!, `${path}[${i}]`));
      return;
    }
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
    if (map) {
      for (const [k, v] of Object.entries(value as object)) walk(v, map[1]!, `${path}.${k}`);
      return;
    }
    const attrs = models[type]?.getAttributeTypeMap?.();
    if (!attrs) return; // a scalar, IntOrString or free-form value
    if (typeof value !== 'object' || Array.isArray(value))
      return void problems.push(`${path}: expected an object`);
    for (const [k, v] of Object.entries(value)) {
      const attr = attrs.find((a) => a.baseName === k);
      if (!attr) problems.push(`${path}.${k}`);
      else walk(v, attr.type, `${path}.${k}`);
    }
  };
  walk(obj, root, `${obj.kind}/${obj.metadata.name}`);
  return problems;
}

export type Workload = { kind: string; name: string; template: any; obj: K8sObject };

/** Everything that makes pods, with its pod template (a CronJob's is that of its Jobs). */
export function workloads(objs: K8sObject[], namespace = 'proyecto06'): Workload[] {
  return objs
    .filter(
      (o) =>
        ['Deployment', 'StatefulSet', 'Job', 'CronJob'].includes(o.kind) &&
        o.metadata.namespace === namespace,
    )
    .map((o) => ({
      kind: o.kind,
      name: o.metadata.name,
      template: o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template : o.spec.template,
      obj: o,
    }));
}

export function find(objs: K8sObject[], kind: string, name: string): K8sObject {
  const o = objs.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`${kind}/${name} is not rendered`);
  return o;
}

export function matches(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  return Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
}
