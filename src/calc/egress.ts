/** Internet egress per month on a tiered price list. Pure. */
import { assertFinite, type CalcResult } from './derivation.js';
import { describeCharges, describeTiers, tieredCost } from './pricing.js';
import type { EgressPreset } from './presets.js';
import { formatBytes, formatUsd } from './units.js';

export interface EgressInput {
  /** Bytes sent out in a month. */
  sizeBytes: number;
  prices: EgressPreset;
}

export interface EgressJson {
  sizeBytes: number;
  costUsd: number;
  /** Average $ per GB after the free allowance and tiers. */
  effectiveUsdPerGb: number;
  tiers: { gb: number; usdPerGb: number; costUsd: number }[];
}

export function egress(input: EgressInput): CalcResult<EgressJson> {
  const gb = input.sizeBytes / 1e9;
  const { usd, parts } = tieredCost(gb, input.prices.tiers);
  const json: EgressJson = {
    sizeBytes: input.sizeBytes,
    costUsd: usd,
    effectiveUsdPerGb: gb > 0 ? usd / gb : 0,
    tiers: parts.map((p) => ({ gb: p.gb, usdPerGb: p.usdPerGb, costUsd: p.usd })),
  };
  assertFinite(json, 'egress');
  const steps = [
    { label: 'Monthly egress cost', formula: 'Σ GB in each tier × that tier’s price', substitution: describeCharges(parts), result: `${formatUsd(usd)} a month`, note: gb > 0 ? `${formatUsd(json.effectiveUsdPerGb)}/GB on average` : undefined },
    { label: 'Per year', formula: 'monthly × 12', substitution: `${formatUsd(usd)} × 12`, result: formatUsd(usd * 12) },
  ];
  const assumptions = [
    `${input.prices.name}: ${describeTiers(input.prices.tiers, '/GB')} — ${input.prices.source}, as of ${input.prices.asOf}`,
    'GB = 10⁹ bytes; the same volume every month; a CDN or committed-use discount usually costs less at scale',
  ];
  return { json, derivation: { title: 'Internet egress cost', given: [`${formatBytes(input.sizeBytes)} a month`], steps, assumptions } };
}
