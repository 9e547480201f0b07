/** The failure cases issue 12 found in the old keyword debrief, replayed on the real capstones. */
import { describe, expect, it } from 'vitest';
import { loadCurriculumDir } from '../../src/cli/curriculum/load-dir.js';
import { capstones, findCapstone } from '../../src/interview/catalog.js';
import { gradeCapstone } from '../../src/interview/debrief.js';
import { ROOT } from '../helpers.js';

const all = capstones(loadCurriculumDir(`${ROOT}/curriculum`).curriculum!);
const eta = findCapstone(all, 'eta-pricing')!;
const ads = findCapstone(all, 'ad-bidding')!;
const grade = (c = eta, text: string) => gradeCapstone(c, [{ phase: null, text }]);
const state = (c: typeof eta, text: string, id: string) => grade(c, text).points.find((p) => p.id === id)!.status;

describe('what the old debrief got wrong', () => {
  it('a bare buzzword list scores near zero', () => {
    expect(grade(eta, 'DeepETA, residual, MAE, Kafka, Flink, H3, switchback, canary, shadow, GBDT, Huber, k-ring, elasticity').score).toBeLessThan(0.05);
    expect(grade(ads, 'tmax, pCTR, pCVR, calibration, log loss, shading, PID pacing, isotonic, Kafka, ESMM, kill switch').score).toBeLessThan(0.05);
  });

  it('naming an idea only to reject it earns nothing', () => {
    expect(state(eta, "We don't need switchbacks because interference is small.", 'interference')).toBe('missed');
    expect(state(ads, 'Skip calibration, log loss is not needed; AUC is enough.', 'calibration-metric')).toBe('missed');
    expect(state(eta, 'Predicting a residual over the routing engine is overkill.', 'residual-target')).toBe('missed');
    expect(state(eta, 'No smoothing across neighbouring hexes.', 'surge-stability')).toBe('missed');
  });

  it('paraphrase, synonyms and spacing earn the point', () => {
    expect(state(eta, 'The router gives a physics estimate, so the model learns the correction on top.', 'residual-target')).toBe('explained');
    expect(state(eta, 'Start from boosted trees and move to a neural net once data grows, because the trees are cheap to serve.', 'model-choice')).toBe('explained');
    expect(state(ads, 'tmax is 100ms and the round trip 20ms, so the bidder keeps a 50ms p99 budget.', 'latency-envelope')).toBe('explained');
    expect(state(ads, 'tmax is 100 ms and the round trip 20 ms, so the bidder keeps a 50 ms p99 budget.', 'latency-envelope')).toBe('explained');
    expect(state(eta, 'Peak is 35,000 QPS, so CPU replicas with batching.', 'serving-capacity')).toBe(state(eta, 'Peak is 35k QPS, so CPU replicas with batching.', 'serving-capacity'));
  });

  it('a single generic word never earns a whole point', () => {
    for (const [c, text] of [
      [eta, 'We use Kafka.'],
      [eta, 'Autoscaling handles load.'],
      [eta, 'Fairness matters for pricing.'],
      [eta, 'There are several consumers.'],
      [ads, 'p99 matters.'],
    ] as const) {
      expect(grade(c, text).points.filter((p) => p.status === 'explained'), text).toEqual([]);
    }
  });

  it('quotes the sentence that earned each credited point', () => {
    const g = grade(eta, 'Intro line.\nWe smooth each hex multiplier with its k-ring neighbours so prices do not jump at borders.');
    expect(g.points.find((p) => p.id === 'surge-stability')).toMatchObject({ status: 'explained', evidence: 'We smooth each hex multiplier with its k-ring neighbours so prices do not jump at borders.' });
  });
});
