/** `study calc presets`: the preset tables with every source and as-of date, and their JSON. Pure. */
import type { Presets } from '../../calc/presets.js';
import { describeTiers } from '../../calc/pricing.js';
import { nativeDtypes } from '../../calc/dtype.js';
import { attentionOf } from '../../calc/kv.js';
import { formatBytes, formatCount, formatUsd, whole } from '../../calc/units.js';
import type { Theme } from '../theme.js';
import { contentWidth, wrap } from '../text.js';
import { fitTable } from './calc.js';

export function renderPresets(p: Presets, t: Theme, columns = 80, dir?: string): string {
  // Up to 110 columns on a wide terminal: the full tables need about that.
  const width = contentWidth(columns, 110);
  const out: string[] = [];
  const sources = (rows: { id: string; source: string; asOf: string }[]) => rows.map((r) => t.dim(wrap(`${r.id}: ${r.source} (as of ${r.asOf})`, width, '    ', '      ')));
  out.push(
    fitTable(
      {
        title: 'GPUs (dense throughput, not the 2:4-sparsity figures; --gpu NAME)',
        head: ['id', 'BF16 TFLOPS', 'FP8', 'FP4', 'memory', 'bandwidth', 'TDP', '$/GPU-h', 'native formats'],
        rows: p.gpus.map((g) => [g.id, whole(g.bf16Tflops), g.fp8Tflops ? whole(g.fp8Tflops) : '–', g.fp4Tflops ? whole(g.fp4Tflops) : '–', formatBytes(g.memory), `${formatBytes(g.bandwidth)}/s`, `${whole(g.tdpWatts)} W`, g.price ? formatUsd(g.price.usdPerHour) : '–', nativeDtypes(g).join(' ')]),
        right: [1, 2, 3, 4, 5, 6, 7],
      },
      t,
      width,
      { detail: [8] },
    ),
    ...sources(p.gpus),
    ...p.gpus.filter((g) => g.price).map((g) => t.dim(wrap(`${g.id} price: ${g.price!.source} (as of ${g.price!.asOf})`, width, '    ', '      '))),
    '',
    fitTable(
      {
        title: 'Models (--model NAME)',
        head: ['id', 'params', 'active', 'layers', 'hidden', 'heads', 'KV heads', 'head dim', 'attention', 'context', 'as of', 'attention'],
        rows: p.models.map((m) => {
          const extras = `${m.attention === 'mla' ? ` ${m.kvLoraRank}+${m.ropeHeadDim}` : ''}${m.slidingWindow ? ` · ${m.slidingWindowLayers ?? m.layers}×${formatCount(m.slidingWindow)} ${m.windowKind === 'chunked' ? 'chunk' : 'window'}` : ''}`;
          return [
            m.id,
            formatCount(m.params),
            formatCount(m.activeParams ?? m.params),
            String(m.layers),
            whole(m.hidden),
            String(m.heads),
            String(m.kvHeads),
            String(m.headDim),
            attentionOf(m),
            m.contextLength ? formatCount(m.contextLength) : '–',
            m.asOf,
            // The attention's particulars, under the row (few models have any).
            extras ? `${attentionOf(m)}${extras}` : '',
          ];
        }),
        right: [1, 2, 3, 4, 5, 6, 7, 9],
      },
      t,
      width,
      // The date is in each model's source line below.
      { optional: [10], under: [11] },
    ),
    ...sources(p.models),
    '',
    fitTable({ title: 'Storage tiers (--tier NAME)', head: ['id', '$ per GB-month', 'as of'], rows: p.storage.map((s) => [s.id, describeTiers(s.tiers, ''), s.asOf]) }, t, width, { optional: [2] }),
    ...sources(p.storage),
    '',
    fitTable({ title: 'Internet egress (study calc egress)', head: ['id', '$ per GB, by monthly volume', 'as of'], rows: p.egress.map((e) => [e.id, describeTiers(e.tiers, ''), e.asOf]) }, t, width, { optional: [2] }),
    ...sources(p.egress),
  );
  if (dir) out.push('', t.dim(wrap(`From ${dir}; add or override entries with --presets FILE (same format).`, width)));
  return `${out.join('\n')}\n`;
}

/** The presets as JSON, in base units with the unit in each field name. */
export function presetsJson(p: Presets): object {
  return {
    gpus: p.gpus.map(({ memory, bandwidth, ...g }) => ({ ...g, memoryBytes: memory, bandwidthBytesPerSecond: bandwidth })),
    models: p.models,
    storage: p.storage,
    egress: p.egress,
  };
}
