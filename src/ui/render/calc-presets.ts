/** `study calc presets`: the preset tables with every source and as-of date, and their JSON. Pure. */
import type { Presets } from '../../calc/presets.js';
import { describeTiers } from '../../calc/pricing.js';
import { nativeDtypes } from '../../calc/dtype.js';
import { attentionOf } from '../../calc/kv.js';
import { formatBytes, formatCount, formatUsd, whole } from '../../calc/units.js';
import type { Theme } from '../theme.js';
import { wrap } from '../text.js';
import { renderTable } from './calc.js';

export function renderPresets(p: Presets, t: Theme, columns = 80, dir?: string): string {
  const width = Math.max(50, Math.min(columns, 110) - 1);
  const out: string[] = [];
  const sources = (rows: { id: string; source: string; asOf: string }[]) => rows.map((r) => t.dim(wrap(`${r.id}: ${r.source} (as of ${r.asOf})`, width, '    ', '      ')));
  out.push(
    renderTable(
      {
        title: 'GPUs (dense throughput, not the 2:4-sparsity figures; --gpu NAME)',
        head: ['id', 'BF16 TFLOPS', 'FP8', 'FP4', 'memory', 'bandwidth', 'TDP', '$/GPU-h', 'native formats'],
        rows: p.gpus.map((g) => [g.id, whole(g.bf16Tflops), g.fp8Tflops ? whole(g.fp8Tflops) : '–', g.fp4Tflops ? whole(g.fp4Tflops) : '–', formatBytes(g.memory), `${formatBytes(g.bandwidth)}/s`, `${whole(g.tdpWatts)} W`, g.price ? formatUsd(g.price.usdPerHour) : '–', nativeDtypes(g).join(' ')]),
        right: [1, 2, 3, 4, 5, 6, 7],
      },
      t,
    ),
    ...sources(p.gpus),
    ...p.gpus.filter((g) => g.price).map((g) => t.dim(wrap(`${g.id} price: ${g.price!.source} (as of ${g.price!.asOf})`, width, '    ', '      '))),
    '',
    renderTable(
      {
        title: 'Models (--model NAME)',
        head: ['id', 'params', 'active', 'layers', 'hidden', 'heads', 'KV heads', 'head dim', 'attention', 'context', 'as of'],
        rows: p.models.map((m) => [
          m.id,
          formatCount(m.params),
          formatCount(m.activeParams ?? m.params),
          String(m.layers),
          whole(m.hidden),
          String(m.heads),
          String(m.kvHeads),
          String(m.headDim),
          `${attentionOf(m)}${m.attention === 'mla' ? ` ${m.kvLoraRank}+${m.ropeHeadDim}` : ''}${m.slidingWindow ? ` · ${m.slidingWindowLayers ?? m.layers}×${formatCount(m.slidingWindow)} ${m.windowKind === 'chunked' ? 'chunk' : 'window'}` : ''}`,
          m.contextLength ? formatCount(m.contextLength) : '–',
          m.asOf,
        ]),
        right: [1, 2, 3, 4, 5, 6, 7, 9],
      },
      t,
    ),
    ...sources(p.models),
    '',
    renderTable({ title: 'Storage tiers (--tier NAME)', head: ['id', '$ per GB-month', 'as of'], rows: p.storage.map((s) => [s.id, describeTiers(s.tiers, ''), s.asOf]) }, t),
    ...sources(p.storage),
    '',
    renderTable({ title: 'Internet egress (study calc egress)', head: ['id', '$ per GB, by monthly volume', 'as of'], rows: p.egress.map((e) => [e.id, describeTiers(e.tiers, ''), e.asOf]) }, t),
    ...sources(p.egress),
  );
  if (dir) out.push('', t.dim(`From ${dir}; add or override entries with --presets FILE (same format).`));
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
