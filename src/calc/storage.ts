/**
 * Storage cost over time: the data grows by a fixed share each month, every replica is billed,
 * each month is priced on the tier's GB-month schedule. Without a tier, every preset tier is
 * compared. Pure.
 */
import { assertFinite, type CalcResult, type Step, type Table } from './derivation.js';
import { describeCharges, describeTiers, tieredCost } from './pricing.js';
import type { PriceTier, StoragePreset } from './presets.js';
import { formatBytes, formatPercent, formatUsd, formatUsdColumn } from './units.js';

/** A price to apply: a preset tier, or a flat price per GB-month from --price-per-gb-month. */
export type StoragePrice = { tier: StoragePreset } | { flatUsdPerGbMonth: number };

export interface StorageInput {
  sizeBytes: number;
  price: StoragePrice;
  /** Preset tiers to compare in a table (when no tier or price was chosen). */
  compare?: StoragePreset[];
  months: number;
  growthPerMonth: number;
  replicas: number;
}

export interface MonthCost {
  month: number;
  /** Bytes billed this month: data size × replicas. */
  storedBytes: number;
  costUsd: number;
}

export interface StorageJson {
  tier?: string;
  usdPerGbMonth?: number;
  months: number;
  growthPerMonth: number;
  replicas: number;
  totalCostUsd: number;
  monthly: MonthCost[];
  /** Data size in the last month, one copy. */
  finalSizeBytes: number;
  /** Bytes billed in the last month (× replicas). */
  finalStoredBytes: number;
  comparison?: { tier: string; name: string; totalCostUsd: number; lastMonthUsd: number }[];
}

function tiersOf(price: StoragePrice): PriceTier[] {
  return 'tier' in price ? price.tier.tiers : [{ usdPerGb: price.flatUsdPerGbMonth }];
}

/** Month-by-month cost of `input` under `tiers`. */
export function storageMonths(input: StorageInput, tiers: readonly PriceTier[]): MonthCost[] {
  return Array.from({ length: input.months }, (_, i) => {
    const storedBytes = input.sizeBytes * (1 + input.growthPerMonth) ** i * input.replicas;
    return { month: i + 1, storedBytes, costUsd: tieredCost(storedBytes / 1e9, tiers).usd };
  });
}

export function storage(input: StorageInput): CalcResult<StorageJson> {
  const tiers = tiersOf(input.price);
  const monthly = storageMonths(input, tiers);
  const total = monthly.reduce((s, m) => s + m.costUsd, 0);
  const last = monthly[monthly.length - 1]!;
  const first = monthly[0]!;
  const tier = 'tier' in input.price ? input.price.tier : undefined;
  const comparison = input.compare?.map((t) => {
    const ms = storageMonths(input, t.tiers);
    return { tier: t.id, name: t.name, totalCostUsd: ms.reduce((s, m) => s + m.costUsd, 0), lastMonthUsd: ms[ms.length - 1]!.costUsd };
  });
  const json: StorageJson = {
    ...(tier ? { tier: tier.id } : { usdPerGbMonth: tiers[0]!.usdPerGb }),
    months: input.months,
    growthPerMonth: input.growthPerMonth,
    replicas: input.replicas,
    totalCostUsd: total,
    monthly,
    finalSizeBytes: last.storedBytes / input.replicas,
    finalStoredBytes: last.storedBytes,
    ...(comparison ? { comparison } : {}),
  };
  assertFinite(json, 'storage');

  const price = tier ? `${tier.name}: ${describeTiers(tiers, '/GB-month')}` : `${formatUsd(tiers[0]!.usdPerGb)}/GB-month`;
  const steps: Step[] = [
    { id: 'month-1', label: 'Stored in month 1', formula: 'size × replicas', substitution: `${formatBytes(input.sizeBytes)} × ${input.replicas}`, result: formatBytes(first.storedBytes) },
  ];
  if (input.growthPerMonth > 0 && input.months > 1) {
    steps.push({
      id: 'month-n',
      label: `Stored in month ${input.months}`,
      formula: 'month 1 × (1 + growth)^(months − 1)',
      substitution: `${formatBytes(first.storedBytes)} × ${1 + input.growthPerMonth}^${input.months - 1}`,
      result: formatBytes(last.storedBytes),
    });
  }
  steps.push({ id: 'cost-1', label: 'Cost of month 1', formula: 'GB stored × price per GB-month', substitution: describeCharges(tieredCost(first.storedBytes / 1e9, tiers).parts), result: formatUsd(first.costUsd) });
  if (input.months > 1) {
    steps.push({
      id: 'total',
      label: `Total over ${input.months} months`,
      formula: input.growthPerMonth > 0 ? 'Σ monthly cost (growing each month)' : 'monthly cost × months',
      substitution: input.growthPerMonth > 0 ? `${formatUsd(first.costUsd)} + … + ${formatUsd(last.costUsd)}` : `${formatUsd(first.costUsd)} × ${input.months}`,
      result: formatUsd(total),
    });
  }
  const tables: Table[] = [];
  if (comparison) {
    tables.push({
      title: `Every tier over ${input.months} months`,
      head: ['tier', 'last month', 'total'],
      rows: (() => {
        const last = formatUsdColumn(comparison.map((c) => c.lastMonthUsd));
        const total = formatUsdColumn(comparison.map((c) => c.totalCostUsd));
        return comparison.map((c, k) => [c.tier, last[k]!, total[k]!]);
      })(),
      right: [1, 2],
    });
  }
  const assumptions = [
    `price ${price}${tier ? ` — ${tier.source}, as of ${tier.asOf}` : ' as given'}`,
    'GB = 10⁹ bytes; a month is 30 days; storage only (requests, retrieval and transfer are extra)',
  ];
  if (tier?.minDays) assumptions.push(`${tier.id} bills at least ${tier.minDays} days per object${tier.retrievalUsdPerGb ? ` and ${formatUsd(tier.retrievalUsdPerGb)}/GB to read back` : ''}`);
  if (comparison) assumptions.push(`no --tier given: the derivation uses ${tier?.id ?? 'the first tier'}; the table compares every tier`);
  const given = [`size ${formatBytes(input.sizeBytes)}`, `${input.months} months, growth ${formatPercent(input.growthPerMonth)}/month, ${input.replicas} replica${input.replicas === 1 ? '' : 's'}`];
  return { json, derivation: { title: 'Storage cost', given, steps, assumptions, tables } };
}
