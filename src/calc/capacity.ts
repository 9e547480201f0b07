/**
 * Capacity planning from daily users: average and peak QPS, write rate, storage over a retention
 * period, egress bandwidth and servers. A day is 86,400 s and a year 365 days. Pure.
 */
import { assertFinite, type CalcResult, type Step } from './derivation.js';
import { carry, formatBytes, formatCount, sigFigs } from './units.js';

const DAY = 86_400;

export interface CapacityInput {
  dau: number;
  requestsPerUser: number;
  peakFactor: number;
  writesPerUser: number;
  bytesPerWrite: number;
  responseBytes: number;
  retentionYears: number;
  replicas: number;
  qpsPerServer: number;
  /** Which optional inputs were left at their defaults (named in the assumptions). */
  defaulted: string[];
}

export interface CapacityJson {
  avgQps: number;
  peakQps: number;
  writesPerSecond: number;
  storageBytesPerDay: number;
  storageBytes: number;
  egressBytesPerSecond: number;
  peakEgressBytesPerSecond: number;
  servers: number;
}

export function capacity(i: CapacityInput): CalcResult<CapacityJson> {
  const avgQps = (i.dau * i.requestsPerUser) / DAY;
  const peakQps = avgQps * i.peakFactor;
  const writesPerSecond = (i.dau * i.writesPerUser) / DAY;
  const perDay = i.dau * i.writesPerUser * i.bytesPerWrite;
  const retentionDays = i.retentionYears * 365;
  const storageBytes = perDay * retentionDays * i.replicas;
  const json: CapacityJson = {
    avgQps,
    peakQps,
    writesPerSecond,
    storageBytesPerDay: perDay,
    storageBytes,
    egressBytesPerSecond: avgQps * i.responseBytes,
    peakEgressBytesPerSecond: peakQps * i.responseBytes,
    servers: Math.max(1, Math.ceil(peakQps / i.qpsPerServer)),
  };
  assertFinite(json, 'capacity');
  const steps: Step[] = [
    { id: 'avg-qps', label: 'Average QPS', formula: 'DAU × requests per user per day / 86,400 s', substitution: `${formatCount(i.dau)} × ${sigFigs(i.requestsPerUser)} / 86,400`, result: `${sigFigs(avgQps)} QPS` },
    { id: 'peak-qps', label: 'Peak QPS', formula: 'average × peak factor', substitution: `${carry(avgQps)} × ${sigFigs(i.peakFactor)}`, result: `${sigFigs(peakQps)} QPS` },
  ];
  if (i.writesPerUser > 0) {
    steps.push(
      { id: 'writes', label: 'Writes per second (average)', formula: 'DAU × writes per user / 86,400 s', substitution: `${formatCount(i.dau)} × ${sigFigs(i.writesPerUser)} / 86,400`, result: `${sigFigs(writesPerSecond)} writes/s` },
      { id: 'per-day', label: 'New data per day', formula: 'DAU × writes per user × bytes per write', substitution: `${formatCount(i.dau)} × ${sigFigs(i.writesPerUser)} × ${formatBytes(i.bytesPerWrite)}`, result: `${formatBytes(perDay)}/day` },
      {
        id: 'storage',
        label: 'Storage over the retention',
        formula: 'per day × 365 × years × replicas',
        substitution: `${formatBytes(perDay, false, 4)} × 365 × ${sigFigs(i.retentionYears)} × ${i.replicas}`,
        result: formatBytes(storageBytes),
      },
    );
  }
  if (i.responseBytes > 0) {
    steps.push({
      id: 'egress',
      label: 'Egress bandwidth',
      formula: 'QPS × response size',
      substitution: `${carry(avgQps)} × ${formatBytes(i.responseBytes)} (peak ${carry(peakQps)} × ${formatBytes(i.responseBytes)})`,
      result: `${formatBytes(json.egressBytesPerSecond)}/s average, ${formatBytes(json.peakEgressBytesPerSecond)}/s peak (${sigFigs((json.peakEgressBytesPerSecond * 8) / 1e9)} Gbit/s)`,
    });
  }
  steps.push({ id: 'servers', label: 'Servers', formula: '⌈peak QPS / QPS per server⌉', substitution: `⌈${carry(peakQps)} / ${sigFigs(i.qpsPerServer)}⌉`, result: `${json.servers} server${json.servers === 1 ? '' : 's'}`, note: 'add N+1 or N+2 for failures and deploys' });
  const assumptions = ['a day is 86,400 s and a year 365 days; traffic is spread over the day, with the peak factor on top'];
  if (i.defaulted.length) assumptions.push(`defaults: ${i.defaulted.join(', ')}`);
  const hints: string[] = [];
  if (i.writesPerUser === 0) hints.push('--writes-per-user and --bytes-per-write for storage');
  if (i.responseBytes === 0) hints.push('--response-bytes for egress');
  const given = [`${formatCount(i.dau)} daily active users`, `${sigFigs(i.requestsPerUser)} requests per user per day`];
  return { json, derivation: { title: 'Capacity estimate', given, steps, assumptions, hints } };
}
