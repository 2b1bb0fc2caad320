/* eslint-disable @typescript-eslint/no-explicit-any -- rendered manifests are untyped YAML; the assertions check their shape. */
// A small NetworkPolicy evaluator (same namespace, pod and namespace selectors, ipBlock, numeric and
// named ports), enough to assert which of our pods may talk to which.
import { matches, type K8sObject, type Workload } from './k8s.ts';

export type Peer = { labels: Record<string, string>; namespace: string; ip?: string };

function containerPort(w: Workload | undefined, port: number | string): number | undefined {
  if (typeof port === 'number') return port;
  for (const c of w?.template.spec.containers ?? []) {
    const p = (c.ports ?? []).find((x: any) => x.name === port);
    if (p) return p.containerPort;
  }
  return undefined;
}

/** Whether an IPv4 address lies in a CIDR block. */
function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const number = (a: string) => a.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const size = 2 ** (32 - Number(bits));
  return Math.floor(number(ip) / size) === Math.floor(number(base) / size);
}

function peerMatches(rulePeer: any, peer: Peer, policyNamespace: string | undefined): boolean {
  if (rulePeer.ipBlock)
    return (
      peer.ip !== undefined &&
      inCidr(peer.ip, rulePeer.ipBlock.cidr) &&
      !(rulePeer.ipBlock.except ?? []).some((c: string) => inCidr(peer.ip!, c))
    );
  const nsOk = rulePeer.namespaceSelector
    ? matches(rulePeer.namespaceSelector.matchLabels, { 'kubernetes.io/metadata.name': peer.namespace })
    : peer.namespace === policyNamespace;
  const podOk = rulePeer.podSelector ? matches(rulePeer.podSelector.matchLabels, peer.labels) : true;
  return nsOk && podOk;
}

function portMatches(rulePorts: any[] | undefined, port: number, target: Workload | undefined): boolean {
  if (!rulePorts) return true;
  return rulePorts.some((p) => containerPort(target, p.port) === port || p.port === port);
}

function direction(
  policies: K8sObject[],
  type: 'Ingress' | 'Egress',
  subject: Peer,
  other: Peer,
  port: number,
  portOwner: Workload | undefined,
): boolean {
  const applying = policies.filter(
    (p) =>
      p.metadata.namespace === subject.namespace &&
      p.spec.policyTypes.includes(type) &&
      matches(p.spec.podSelector.matchLabels, subject.labels),
  );
  if (applying.length === 0) return true; // not isolated in this direction
  const key = type === 'Ingress' ? 'ingress' : 'egress';
  const peerKey = type === 'Ingress' ? 'from' : 'to';
  return applying.some((p) =>
    (p.spec[key] ?? []).some(
      (rule: any) =>
        (!rule[peerKey] ||
          rule[peerKey].some((peer: any) => peerMatches(peer, other, p.metadata.namespace))) &&
        portMatches(rule.ports, port, portOwner),
    ),
  );
}

/** Whether `from` may open a TCP connection to `to` on `port` (a container port of `toWorkload`). */
export function allowed(
  policies: K8sObject[],
  from: Peer,
  to: Peer,
  port: number,
  toWorkload?: Workload,
): boolean {
  const fromPod = from.ip === undefined;
  const egressOk = !fromPod || direction(policies, 'Egress', from, to, port, toWorkload);
  const ingressOk = to.ip !== undefined || direction(policies, 'Ingress', to, from, port, toWorkload);
  return egressOk && ingressOk;
}
