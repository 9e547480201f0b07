/**
 * Serving under load: how many replicas a request rate needs, the batch each runs, the latency at
 * that load, concurrency by Little's law, utilisation, and the cost per million tokens at that
 * load — which falls as load rises, because a replica's price is fixed while its batch grows. Pure.
 *
 * Load model for one replica with continuous batching, at λ requests per second:
 * - prefill takes t_p per request and pre-empts decoding, so it occupies ρ = λ·t_p of the time; a
 *   request waits t_p·ρ / (2(1 − ρ)) on average before its prefill (M/D/1), so TTFT = t_p + that;
 * - decoding runs b sequences at once, one token each per step of TPOT(b) (engine.ts), slowed to
 *   TPOT(b) / (1 − ρ) by the prefills;
 * - b itself follows Little's law, b = λ · (TTFT + output · TPOT(b) / (1 − ρ)), solved by fixed-point
 *   iteration; a load is feasible when the solution exists, its caches fit memory and the SLOs hold.
 * The largest feasible λ (found by bisection) is one replica's capacity.
 */
import { UsageError } from '../errors.js';
import { assertFinite, count, type CalcResult, type Step } from './derivation.js';
import type { Dtype } from './dtype.js';
import { replica, type Replica, type ServingInput } from './engine.js';
import { carry, formatBytes, formatCount, formatPercent, formatSeconds, formatUsd, formatUsdColumn, sigFigs, whole } from './units.js';

export interface ServeInput extends ServingInput {
  /** GPUs per replica; default the fewest that hold the weights and one full-length cache. */
  gpusPerReplica?: number;
  qps: number;
  sloTtft?: number;
  sloTpot?: number;
}

export interface LoadRow {
  qpsPerReplica: number;
  utilisation: number;
  batch: number;
  latencySeconds: number;
  costPerMillionTokensUsd?: number;
}

export interface ServeJson {
  /** GPUs in all: replicas × gpusPerReplica. */
  gpus: number;
  replicas: number;
  /** Requests in flight across all replicas (Little's law: qps × latency). */
  concurrency: number;
  /** One request end to end at this load: TTFT + output tokens × time per token. */
  latencySeconds: number;
  /** Share of the replicas' capacity the load uses. */
  utilisation: number;
  /** $ per million generated (output) tokens at this load. */
  costPerMillionTokensUsd?: number;
  gpusPerReplica: number;
  qps: number;
  qpsPerReplica: number;
  maxQpsPerReplica: number;
  /** What caps a replica: its memory (KV cache), prefill time, or an SLO. */
  limitedBy: 'memory' | 'compute' | 'prefill' | 'slo-ttft' | 'slo-tpot';
  batchPerReplica: number;
  maxBatch: number;
  ttftSeconds: number;
  timePerOutputTokenSeconds: number;
  prefillSeconds: number;
  promptTokens: number;
  outputTokens: number;
  gpu: string;
  model?: string;
  dtype: Dtype;
  gpuHourPriceUsd?: number;
  loadTable: LoadRow[];
}

interface Load {
  ok: boolean;
  why?: ServeJson['limitedBy'];
  rho: number;
  batch: number;
  ttft: number;
  tpot: number;
  latency: number;
}

/** One replica at `lambda` requests per second (see the load model above). */
export function atLoad(r: Replica, i: Pick<ServeInput, 'promptTokens' | 'outputTokens' | 'sloTtft' | 'sloTpot'>, lambda: number): Load {
  const context = i.promptTokens + i.outputTokens;
  const tp = r.prefill(i.promptTokens).seconds;
  const maxBatch = r.maxBatch(context);
  const rho = lambda * tp;
  const fail = (why: Load['why']): Load => ({ ok: false, why, rho, batch: NaN, ttft: NaN, tpot: NaN, latency: NaN });
  if (rho >= 1) return fail('prefill');
  const ttft = tp + (tp * rho) / (2 * (1 - rho));
  const tpotAt = (b: number) => r.step(Math.max(1, b), context).seconds / (1 - rho);
  let b = 0;
  for (let n = 0; n < 100_000; n++) {
    const next = lambda * (ttft + i.outputTokens * tpotAt(b));
    if (next > maxBatch) return fail(r.step(maxBatch, context).bound === 'compute' ? 'compute' : 'memory');
    if (Math.abs(next - b) <= 1e-9 * Math.max(1, next)) {
      b = next;
      break;
    }
    b = next;
  }
  const tpot = tpotAt(b);
  if (i.sloTtft !== undefined && ttft > i.sloTtft) return { ...fail('slo-ttft'), ttft, tpot };
  if (i.sloTpot !== undefined && tpot > i.sloTpot) return { ...fail('slo-tpot'), ttft, tpot };
  return { ok: true, rho, batch: b, ttft, tpot, latency: ttft + i.outputTokens * tpot };
}

/** The largest request rate one replica sustains, and what stops it going higher. */
export function capacityOf(r: Replica, i: ServeInput): { lambda: number; limitedBy: ServeJson['limitedBy'] } {
  const tp = r.prefill(i.promptTokens).seconds;
  let lo = 0;
  let hi = 1 / tp;
  for (let n = 0; n < 80; n++) {
    const mid = (lo + hi) / 2;
    if (atLoad(r, i, mid).ok) lo = mid;
    else hi = mid;
  }
  return { lambda: lo, limitedBy: atLoad(r, i, hi).why ?? 'prefill' };
}

/** The fewest GPUs that hold the weights plus one full-length cache. */
function minimumGpus(i: ServeInput): number {
  const probe = replica({ ...i, gpus: 1 });
  return Math.max(1, Math.ceil((probe.weightBytes + probe.kvPerSequence(i.promptTokens + i.outputTokens)) / probe.usableBytes));
}

/** Share of a replica's usable memory the weights may take by default, leaving the rest for KV caches. */
export const DEFAULT_WEIGHT_SHARE = 0.6;

/** GPUs per replica: as given, else the smallest power of two whose weights take at most 60 % of usable memory. */
function replicaGpus(i: ServeInput): number {
  if (i.gpusPerReplica !== undefined) return i.gpusPerReplica;
  const probe = replica({ ...i, gpus: 1 });
  let g = 1;
  while (probe.weightBytes > DEFAULT_WEIGHT_SHARE * probe.usableBytes * g && g < 1024) g *= 2;
  return Math.max(g, minimumGpus(i));
}

export function serve(input: ServeInput): CalcResult<ServeJson> {
  const gpr = replicaGpus(input);
  const r = replica({ ...input, gpus: gpr });
  const context = input.promptTokens + input.outputTokens;
  const maxBatch = r.maxBatch(context);
  const name = input.model?.name ?? `a ${formatCount(input.params)}-parameter model`;
  if (maxBatch < 1) {
    const need = minimumGpus(input);
    throw new UsageError(`calc serve: ${name} in ${input.dtype} does not fit ${count(gpr, 'GPU')} (${input.gpu.id}, ${formatBytes(r.usableBytes)} usable); a replica needs at least ${need}: pass --gpus ${need} or more`);
  }
  const cap = capacityOf(r, input);
  if (!(cap.lambda > 0)) {
    const zero = atLoad(r, input, 1e-9);
    const what = zero.why === 'slo-ttft' ? `--slo-ttft ${formatSeconds(input.sloTtft!)}: a prompt alone takes ${formatSeconds(zero.ttft)} to prefill` : zero.why === 'slo-tpot' ? `--slo-tpot ${formatSeconds(input.sloTpot!)}: one sequence alone takes ${formatSeconds(zero.tpot)} per token` : undefined;
    throw new UsageError(`calc serve: ${what ? `no load meets ${what}` : 'no load fits'} on ${count(gpr, 'GPU')} (${input.gpu.id}); loosen the target, or give each replica more or faster GPUs (--gpus, --gpu)`);
  }
  const replicas = Math.max(1, Math.ceil(input.qps / cap.lambda - 1e-9));
  const perReplica = input.qps / replicas;
  const load = atLoad(r, input, Math.min(perReplica, cap.lambda));
  const price = input.price?.usdPerHour;
  const costAt = (lambda: number, reps: number) => (price === undefined ? undefined : ((reps * gpr * price) / 3600 / (lambda * reps * input.outputTokens)) * 1e6);
  const loadTable: LoadRow[] = [0.05, 0.1, 0.25, 0.5, 0.75, 1].map((f) => {
    const l = atLoad(r, input, f * cap.lambda);
    const cost = costAt(f * cap.lambda, 1);
    return { qpsPerReplica: f * cap.lambda, utilisation: f, batch: l.batch, latencySeconds: l.latency, ...(cost !== undefined ? { costPerMillionTokensUsd: cost } : {}) };
  });
  const cost = costAt(perReplica, replicas);
  const json: ServeJson = {
    gpus: replicas * gpr,
    replicas,
    concurrency: input.qps * load.latency,
    latencySeconds: load.latency,
    utilisation: perReplica / cap.lambda,
    ...(cost !== undefined ? { costPerMillionTokensUsd: cost } : {}),
    gpusPerReplica: gpr,
    qps: input.qps,
    qpsPerReplica: perReplica,
    maxQpsPerReplica: cap.lambda,
    limitedBy: cap.limitedBy,
    batchPerReplica: load.batch,
    maxBatch,
    ttftSeconds: load.ttft,
    timePerOutputTokenSeconds: load.tpot,
    prefillSeconds: r.prefill(input.promptTokens).seconds,
    promptTokens: input.promptTokens,
    outputTokens: input.outputTokens,
    gpu: input.gpu.id,
    ...(input.model ? { model: input.model.id } : {}),
    dtype: input.dtype,
    ...(price !== undefined ? { gpuHourPriceUsd: price } : {}),
    loadTable,
  };
  assertFinite(json, 'serve');
  return { json, derivation: derivation(input, json, r) };
}

const LIMIT: Record<ServeJson['limitedBy'], string> = {
  memory: 'the KV cache fills memory',
  compute: 'decoding runs out of compute',
  prefill: 'prefills take the whole GPU',
  'slo-ttft': 'the TTFT target',
  'slo-tpot': 'the time-per-token target',
};

function derivation(i: ServeInput, j: ServeJson, r: Replica) {
  const steps: Step[] = [
    {
      id: 'replica',
      label: 'One replica',
      formula: 'GPUs holding the weights and the caches',
      substitution: `${formatBytes(r.weightBytes)} of weights; ${formatBytes(r.kvPerSequence(i.promptTokens + i.outputTokens))} of KV cache per ${whole(i.promptTokens + i.outputTokens)}-token request`,
      result: `${count(j.gpusPerReplica, 'GPU')} (${i.gpu.id}), up to ${whole(j.maxBatch)} requests in flight`,
    },
    { id: 'prefill', label: 'Prefill per request', formula: '2 · N_active · prompt / (peak · MFU)', substitution: `2 × ${formatCount(r.active)} × ${whole(i.promptTokens)} / (${sigFigs(r.peakFlops / 1e12)} TFLOP/s × ${formatPercent(i.mfu)})`, result: formatSeconds(j.prefillSeconds) },
    {
      id: 'capacity',
      label: 'Capacity of one replica',
      formula: 'largest λ with b = λ · (TTFT + output · TPOT(b) / (1 − λ·t_p)) feasible',
      substitution: `bisection over λ; stops where ${LIMIT[j.limitedBy]}`,
      result: `${carry(j.maxQpsPerReplica)} requests/s`,
    },
    { id: 'replicas', label: 'Replicas', formula: '⌈QPS / capacity per replica⌉', substitution: `⌈${sigFigs(i.qps, 4)} / ${carry(j.maxQpsPerReplica)}⌉`, result: `${whole(j.replicas)} replica${j.replicas === 1 ? '' : 's'}, ${count(j.gpus, 'GPU')}` },
    { id: 'utilisation', label: 'Utilisation', formula: 'QPS per replica / capacity', substitution: `${carry(j.qpsPerReplica)} / ${carry(j.maxQpsPerReplica)}`, result: formatPercent(j.utilisation) },
    {
      id: 'latency',
      label: 'Latency at this load',
      formula: 'TTFT + output tokens × TPOT',
      substitution: `${formatSeconds(j.ttftSeconds, 4)} + ${whole(i.outputTokens)} × ${formatSeconds(j.timePerOutputTokenSeconds, 4)}`,
      result: formatSeconds(j.latencySeconds),
      note: `batch per replica ≈ ${sigFigs(j.batchPerReplica)} sequences decoding at once`,
    },
    { id: 'concurrency', label: 'Requests in flight (Little’s law)', formula: 'L = λ · W', substitution: `${sigFigs(i.qps, 4)} × ${formatSeconds(j.latencySeconds, 4)}`, result: `${sigFigs(j.concurrency)} requests` },
  ];
  if (j.costPerMillionTokensUsd !== undefined) {
    steps.push({
      id: 'cost',
      label: 'Cost per million output tokens at this load',
      formula: '$ per GPU-hour × GPUs / (QPS × output tokens × 3,600) × 10⁶',
      substitution: `${formatUsd(j.gpuHourPriceUsd!)} × ${whole(j.gpus)} / (${sigFigs(i.qps, 4)} × ${whole(i.outputTokens)} × 3,600) × 10⁶`,
      result: formatUsd(j.costPerMillionTokensUsd),
      note: 'the GPUs cost the same idle or busy, so cost per token falls as load rises (table below)',
    });
  }
  const tables = [
    {
      title: 'One replica as load rises',
      head: ['load', 'QPS', 'batch', 'latency', ...(i.price ? ['$/1M tokens'] : [])],
      rows: (() => {
        const costs = formatUsdColumn(j.loadTable.map((x) => x.costPerMillionTokensUsd ?? Number.NaN));
        return j.loadTable.map((x, k) => [formatPercent(x.utilisation), sigFigs(x.qpsPerReplica), sigFigs(x.batch), formatSeconds(x.latencySeconds), ...(x.costPerMillionTokensUsd !== undefined ? [costs[k]!] : [])]);
      })(),
      right: [0, 1, 2, 3, 4],
    },
  ];
  const assumptions = [
    `continuous batching; prefill pre-empts decoding; arrivals are random (Poisson) and requests alike (${whole(i.promptTokens)} prompt, ${whole(i.outputTokens)} output tokens); each request's cache sized for its full length`,
    i.gpusPerReplica === undefined ? `${count(j.gpusPerReplica, 'GPU')} per replica (default: the smallest power of two whose weights take at most ${formatPercent(DEFAULT_WEIGHT_SHARE)} of usable memory, leaving the rest for KV caches)` : `${count(j.gpusPerReplica, 'GPU')} per replica as given`,
    `${i.gpu.name}${i.gpuIsDefault ? ' (default GPU)' : ''} — ${i.gpu.source}, as of ${i.gpu.asOf}; MFU ${formatPercent(i.mfu)}${i.mfuIsDefault ? ' (default)' : ''}, bandwidth efficiency ${formatPercent(i.bandwidthEfficiency)}`,
    i.sloTtft !== undefined || i.sloTpot !== undefined ? `targets: ${[i.sloTtft !== undefined ? `TTFT ≤ ${formatSeconds(i.sloTtft)}` : '', i.sloTpot !== undefined ? `time per token ≤ ${formatSeconds(i.sloTpot)}` : ''].filter(Boolean).join(', ')}` : 'no latency targets: a replica runs up to the batch its memory allows',
  ];
  if (i.model) assumptions.push(`${i.model.name} — ${i.model.source}, as of ${i.model.asOf}`);
  if (i.price) assumptions.push(`${formatUsd(i.price.usdPerHour)} per GPU-hour${i.price.source ? ` — ${i.price.source}` : ' as given'}`);
  const hints = i.price ? [] : ['--gpu-hour-price USD for the cost per token (this GPU has no preset price)'];
  const given = [`${i.model ? i.model.name : `${formatCount(i.params)} parameters`} in ${i.dtype} on ${i.gpu.id}`, `${sigFigs(i.qps, 4)} requests/s of ${whole(i.promptTokens)} prompt + ${whole(i.outputTokens)} output tokens`];
  return { title: 'Serving under load', given, steps, assumptions, hints, tables };
}
