// The client's address, end to end: the NLB keeps it (externalTrafficPolicy: Local), nginx believes a
// forwarded address only from inside the VPC, the backend trusts exactly nginx's hop, and the login rate
// limit's scope across replicas is written down with the replica count the manifests really allow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { find, renderOverlay } from './support/k8s.ts';
import { repoRoot } from './support/tools.ts';

const eks = renderOverlay('overlays/eks');
const nginx = (f: string) => readFileSync(join(repoRoot, 'apps/frontend/nginx', f), 'utf8');

it('the NLB Service keeps the client address (externalTrafficPolicy: Local)', () => {
  expect(find(eks, 'Service', 'frontend-service').spec.externalTrafficPolicy).toBe('Local');
});

it('nginx takes a forwarded address only from the VPC, last hop only, and the image carries that file', () => {
  const realIp = nginx('real-ip.conf');
  const trusted = [...realIp.matchAll(/^set_real_ip_from (\S+);$/gm)].map((m) => m[1]);
  const vpcCidr = /variable "vpc_cidr" \{[\s\S]*?default\s*=\s*"([^"]+)"/.exec(
    readFileSync(join(repoRoot, 'infra/terraform/envs/production/variables.tf'), 'utf8'),
  )![1];
  expect(trusted).toEqual([vpcCidr]);
  expect(realIp).toMatch(/^real_ip_recursive off;$/m);
  expect(nginx('nginx.conf')).toMatch(/^\s*include \/etc\/nginx\/proyecto06\/real-ip\.conf;$/m);
  expect(readFileSync(join(repoRoot, 'apps/frontend/Dockerfile'), 'utf8')).toContain(
    'COPY apps/frontend/nginx/real-ip.conf /etc/nginx/proyecto06/real-ip.conf',
  );
  // nginx appends the address it settled on; the backend believes exactly that one hop.
  expect(nginx('proxy.conf')).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
  const config = eks.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('backend-config'))!;
  expect(config.data.TRUST_PROXY).toBe('1');
});

it('docs/cloud-flow.md states the login rate limit per replica, with the HPA maximum of the manifests', () => {
  const hpa = find(eks, 'HorizontalPodAutoscaler', 'backend');
  const doc = readFileSync(join(repoRoot, 'docs/cloud-flow.md'), 'utf8');
  const start = doc.indexOf('## Client addresses and the login rate limit');
  expect(start).toBeGreaterThan(-1);
  const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
  expect(section).toContain('RATE_LIMIT_AUTH_PER_MINUTE');
  expect(section).toContain(`up to ${hpa.spec.maxReplicas} ×`);
  expect(section).toContain(`at least ${hpa.spec.minReplicas} ×`);
});
