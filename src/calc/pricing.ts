/** Tiered prices (storage per GB-month, egress per GB): the month's total fills the tiers in order. Pure. */
import type { PriceTier } from './presets.js';
import { formatUsd, sigFigs } from './units.js';

export interface TierCharge {
  gb: number;
  usdPerGb: number;
  usd: number;
}

/** Cost of `gb` against cumulative `tiers`; `parts` lists each tier that was used. */
export function tieredCost(gb: number, tiers: readonly PriceTier[]): { usd: number; parts: TierCharge[] } {
  const parts: TierCharge[] = [];
  let from = 0;
  let usd = 0;
  for (const t of tiers) {
    if (gb <= from) break;
    const upTo = t.upToGb ?? Infinity;
    const inTier = Math.min(gb, upTo) - from;
    parts.push({ gb: inTier, usdPerGb: t.usdPerGb, usd: inTier * t.usdPerGb });
    usd += inTier * t.usdPerGb;
    from = upTo;
  }
  return { usd, parts };
}

/** "50,000 GB × $0.023 + 12,000 GB × $0.022". */
export function describeCharges(parts: readonly TierCharge[]): string {
  if (parts.length === 0) return '0 GB';
  return parts.map((p) => (p.usdPerGb === 0 ? `${gbText(p.gb)} free` : `${gbText(p.gb)} × ${formatUsd(p.usdPerGb)}`)).join(' + ');
}

/** A tier list in words: "$0.023 to 50 TB, $0.022 to 500 TB, then $0.021". */
export function describeTiers(tiers: readonly PriceTier[], per: string): string {
  return tiers.map((t, i) => `${t.usdPerGb === 0 ? 'free' : `${formatUsd(t.usdPerGb)}${per}`}${t.upToGb !== undefined ? ` to ${gbText(t.upToGb)}` : i > 0 ? ' beyond' : ''}`).join(', ');
}

function gbText(gb: number): string {
  return gb >= 1000 ? `${sigFigs(gb / 1000)} TB` : `${sigFigs(gb)} GB`;
}
