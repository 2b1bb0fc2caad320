#!/usr/bin/env node
// Questions to a running Prometheus's HTTP API, for the monitoring suite. Each command exits 0 when the
// answer is yes, 1 otherwise, and prints what it saw.
//
//   prometheus-api.mjs targets-up URL JOB...       every target of each JOB is up (and JOB has one)
//   prometheus-api.mjs rules-healthy URL RULEFILE  every group of RULEFILE is loaded and evaluated, every rule's health "ok"
//   prometheus-api.mjs alert-state URL ALERT STATE the alert is in STATE (inactive: not pending nor firing)
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const [command, url, ...args] = process.argv.slice(2);

async function api(path) {
  const response = await fetch(new URL(path, url));
  const body = await response.json();
  if (body.status !== 'success') throw new Error(`${path}: ${JSON.stringify(body)}`);
  return body.data;
}

async function targetsUp(jobs) {
  const { activeTargets } = await api('/api/v1/targets?state=active');
  let ok = true;
  for (const job of jobs) {
    const targets = activeTargets.filter((t) => t.labels.job === job);
    const down = targets.filter((t) => t.health !== 'up');
    console.log(
      `${job}: ${targets.length} target(s), ${down.length} not up ${down.map((t) => t.lastError).join('; ')}`,
    );
    ok &&= targets.length > 0 && down.length === 0;
  }
  return ok;
}

async function rulesHealthy(ruleFile) {
  const expected = parse(readFileSync(ruleFile, 'utf8')).groups;
  const { groups } = await api('/api/v1/rules');
  let ok = true;
  for (const want of expected) {
    const got = groups.find((g) => g.name === want.name);
    const evaluated = got !== undefined && !got.lastEvaluation.startsWith('0001-');
    const unhealthy = (got?.rules ?? []).filter((r) => r.health !== 'ok');
    const count = got?.rules.length ?? 0;
    console.log(
      `${want.name}: ${count}/${want.rules.length} rules, ${evaluated ? 'evaluated' : 'not evaluated yet'}` +
        unhealthy.map((r) => `; ${r.name}: ${r.health} ${r.lastError ?? ''}`).join(''),
    );
    ok &&= evaluated && count === want.rules.length && unhealthy.length === 0;
  }
  return ok;
}

async function alertState(alertname, state) {
  const { alerts } = await api('/api/v1/alerts');
  const states = alerts.filter((a) => a.labels.alertname === alertname).map((a) => a.state);
  console.log(`${alertname}: ${states.length ? states.join(', ') : 'inactive'}`);
  return state === 'inactive' ? states.length === 0 : states.includes(state);
}

const commands = {
  'targets-up': () => targetsUp(args),
  'rules-healthy': () => rulesHealthy(args[0]),
  'alert-state': () => alertState(args[0], args[1]),
};
if (!commands[command] || !url) {
  console.error('usage: prometheus-api.mjs targets-up|rules-healthy|alert-state URL ...');
  process.exit(2);
}
try {
  process.exit((await commands[command]()) ? 0 : 1);
} catch (error) {
  console.log(`no answer: ${error.message}`);
  process.exit(1);
}
