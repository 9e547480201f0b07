/**
 * The level estimate: from the grade, which bar the notes show — `below-senior`, `senior` or
 * `staff` — with the reasons (signals present and missing). Pure.
 *
 * - A dimension's points are the checklist points naming it (`dimension`); a point without
 *   `level` is a senior point. Dimensions with no points are judged by the self-score only.
 * - `senior` when, in at least 4 dimensions (or all of them when fewer have senior points), most
 *   (more than half) of the senior points are explained, and no dimension with senior points is
 *   empty (none of its points explained or mentioned). A dimension with only staff points (such
 *   as communication: setting the agenda) counts toward staff only.
 * - `staff` when senior holds, at least half of the staff points are explained, and the notes do
 *   not show the over-engineering risk.
 * - Over-engineering: at least 6 distinct infrastructure components named in sentences that
 *   give no reason, and more of them named without a reason than with one.
 */
import type { Interview } from '../curriculum/schema.js';
import type { Grade, NotesBlock } from './grade.js';
import { pointLabel } from './label.js';
import { prepareText, termStems } from './text.js';

export const LEVELS = ['below-senior', 'senior', 'staff'] as const;
export type Level = (typeof LEVELS)[number];

/** Dimensions whose senior bar must be met for `senior`. */
export const SENIOR_DIMENSIONS = 4;
/** Components named without a reason from which over-engineering is a risk. */
export const OVER_ENGINEERING_MIN = 6;

export interface DimensionEvidence {
  id: string;
  title: string;
  senior: { explained: number; total: number };
  staff: { explained: number; total: number };
  /** Points of this dimension explained or mentioned. */
  credited: number;
  /** Most of its senior points are explained. */
  seniorBar: boolean;
}

export interface LevelEstimate {
  level: Level;
  /** Signals present and missing, one sentence each. */
  reasons: string[];
  dimensions: DimensionEvidence[];
  /** Components named with no reason (empty unless the risk applies). */
  overEngineering: string[];
}

/** Infrastructure components a design may name; naming many with no reason is a down-level risk. */
const COMPONENTS = [
  'kafka', 'kinesis', 'pub/sub', 'pubsub', 'rabbitmq', 'flink', 'spark', 'storm', 'beam', 'airflow', 'redis', 'memcached', 'cassandra', 'dynamodb', 'bigtable',
  'hbase', 'postgres', 'mysql', 'mongodb', 'elasticsearch', 'opensearch', 'solr', 'kubernetes', 'k8s', 'docker', 'istio', 'service mesh', 'microservices',
  'api gateway', 'load balancer', 'cdn', 'feature store', 'vector database', 'vector db', 'faiss', 'milvus', 'pinecone', 'graph database', 'data lake',
  'snowflake', 'bigquery', 'druid', 'clickhouse', 'pinot', 'hadoop', 'hdfs', 's3', 'ray', 'triton', 'grpc', 'zookeeper', 'message queue', 'lambda functions',
];
const COMPONENT_STEMS = COMPONENTS.map((c) => ({ name: c, stems: termStems(c) }));

function has(tokens: readonly string[], stems: readonly string[]): boolean {
  for (let i = 0; i + stems.length <= tokens.length; i++) if (stems.every((s, j) => tokens[i + j] === s)) return true;
  return false;
}

/** Components named only in sentences without a reason, when that is the risk; else []. */
export function overEngineering(blocks: readonly NotesBlock[]): string[] {
  const bare = new Set<string>();
  const reasoned = new Set<string>();
  for (const b of blocks) {
    for (const s of prepareText(b.text)) {
      const stems = s.tokens.filter((t) => !t.negated).map((t) => t.stem);
      for (const c of COMPONENT_STEMS) if (has(stems, c.stems)) (s.reasoned ? reasoned : bare).add(c.name);
    }
  }
  const unexplained = [...bare].filter((c) => !reasoned.has(c));
  return unexplained.length >= OVER_ENGINEERING_MIN && unexplained.length > reasoned.size ? unexplained : [];
}

const names = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');

export function estimateLevel(iv: Pick<Interview, 'rubric' | 'checklist'>, g: Grade, blocks: readonly NotesBlock[]): LevelEstimate {
  const status = new Map(g.points.map((p) => [p.id, p.status]));
  const dims: DimensionEvidence[] = iv.rubric.map((d) => {
    const pts = iv.checklist.filter((p) => p.dimension === d.id);
    const count = (lvl: 'senior' | 'staff') => {
      const of = pts.filter((p) => (p.level ?? 'senior') === lvl);
      return { explained: of.filter((p) => status.get(p.id) === 'explained').length, total: of.length };
    };
    const senior = count('senior');
    return {
      id: d.id,
      title: d.title,
      senior,
      staff: count('staff'),
      credited: pts.filter((p) => status.get(p.id) !== undefined && status.get(p.id) !== 'missed').length,
      seniorBar: senior.total > 0 && senior.explained * 2 > senior.total,
    };
  });
  const graded = dims.filter((d) => d.senior.total + d.staff.total > 0);
  const withSenior = graded.filter((d) => d.senior.total > 0);
  const met = withSenior.filter((d) => d.seniorBar);
  const need = Math.min(SENIOR_DIMENSIONS, withSenior.length);
  const empty = withSenior.filter((d) => d.credited === 0);
  const staffPoints = iv.checklist.filter((p) => p.level === 'staff');
  const staffExplained = staffPoints.filter((p) => status.get(p.id) === 'explained');
  const risk = overEngineering(blocks);

  const reasons: string[] = [];
  const seniorOk = withSenior.length > 0 && met.length >= need && empty.length === 0;
  reasons.push(`senior bar (most senior points explained) met in ${met.length} of ${withSenior.length} dimensions, ${need} needed: ${names(met.map((d) => d.title))}`);
  const short = withSenior.filter((d) => !d.seniorBar);
  if (short.length) reasons.push(`below the senior bar: ${short.map((d) => `${d.title} (${d.senior.explained}/${d.senior.total})`).join(', ')}`);
  if (empty.length) reasons.push(`nothing shown for: ${names(empty.map((d) => d.title))}`);
  const staffOk = seniorOk && staffPoints.length > 0 && staffExplained.length * 2 >= staffPoints.length && risk.length === 0;
  if (staffPoints.length) {
    reasons.push(`staff signals explained: ${staffExplained.length} of ${staffPoints.length}, half needed${staffExplained.length ? ` (${staffExplained.map((p) => pointLabel(p.point)).join('; ')})` : ''}`);
    const missing = staffPoints.filter((p) => status.get(p.id) !== 'explained').map((p) => pointLabel(p.point));
    if (missing.length) reasons.push(`staff signals missing: ${missing.join('; ')}`);
  }
  if (risk.length) reasons.push(`over-engineering risk: ${risk.length} components named with no reason (${risk.join(', ')}); say why each is needed or leave it out`);
  return { level: staffOk ? 'staff' : seniorOk ? 'senior' : 'below-senior', reasons, dimensions: dims, overEngineering: risk };
}
