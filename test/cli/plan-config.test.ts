/** Spawn tests of study plan, study config, review --optimize / --retention / --reset-parameters, and the revlog and Anki exports. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCli, tempDir } from '../helpers.js';
import { progressWith, syntheticHistory } from '../fixtures/synthetic-history.js';

function setup(extra: Record<string, string> = {}, progress?: string) {
  const home = tempDir();
  const file = join(home, 'progress.json');
  if (progress) writeFileSync(file, progress);
  const env = isolatedEnv(home, { STUDY_PROGRESS: file, STUDY_NOW: '2026-12-01T10:00:00Z', TZ: 'UTC', ...extra });
  return { home, file, env, config: join(home, 'config.json') };
}

describe('study plan', () => {
  it('prints --json exactly as documented, within the budget, and saves the plan', () => {
    const s = setup();
    const r = runCli(['plan', '--interview', '2027-01-30', '--minutes-per-day', '75', '--json'], { env: s.env });
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['interview', 'predictedRetention', 'days', 'saved']);
    expect(j.saved).toBe(true);
    expect(j.interview).toBe('2027-01-30');
    expect(j.predictedRetention).toBeGreaterThan(0);
    expect(j.predictedRetention).toBeLessThanOrEqual(1);
    expect(j.days).toHaveLength(60);
    expect(j.days[0].date).toBe('2026-12-01');
    for (const d of j.days) {
      expect(Object.keys(d)).toEqual(['date', 'minutes', 'topics', 'reviews', 'interview']);
      expect(d.minutes).toBeLessThanOrEqual(75);
    }
    expect(j.days[0].topics[0]).toBe('virtual-machines');
    expect(j.days.some((d: { interview: string | null }) => d.interview !== null)).toBe(true);
    expect(JSON.parse(readFileSync(s.config, 'utf8')).plan).toEqual({ interview: '2027-01-30', minutesPerDay: 75 });
    // The saved plan is what config shows, and what `study plan` alone re-plans.
    expect(runCli(['config', 'get', 'plan.interview'], { env: s.env }).stdout).toBe('2027-01-30\n');
    const again = JSON.parse(runCli(['plan', '--json'], { env: s.env }).stdout);
    expect(again).toEqual(j);
  });

  it('--no-save shows a plan and keeps the saved one; a budget no topic fits in says the least that would', () => {
    const s = setup();
    expect(runCli(['plan', '--interview', '2027-01-30', '--json'], { env: s.env }).status).toBe(0);
    const before = readFileSync(s.config, 'utf8');
    const what = JSON.parse(runCli(['plan', '--interview', '2026-12-20', '--no-save', '--json'], { env: s.env }).stdout);
    expect(what).toMatchObject({ interview: '2026-12-20', saved: false });
    expect(readFileSync(s.config, 'utf8')).toBe(before);
    const text = runCli(['plan', '--interview', '2026-12-20', '--minutes-per-day', '10', '--no-save'], { env: s.env }).stdout;
    expect(text.replace(/\s+/g, ' ')).toMatch(/Virtual machines \(VMs\) needs \d+ min \(its lesson and one answer per question\), more than 10 min a day, and the topics after it wait for it: 61 topics do not fit .*Raise --minutes-per-day to at least \d+\./);
    expect(text).not.toContain('new-topics-per-day');
    expect(text).toMatch(/Not saved \(--no-save\): the home screen keeps its plan for\s+2027-01-30/);
    expect(readFileSync(s.config, 'utf8')).toBe(before);
  });

  it('prints a calendar with per-day load and the predicted retention on the day', () => {
    const s = setup();
    const r = runCli(['plan', '--interview', '2026-12-20'], { env: s.env });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Study plan — interview on Sun 2026-12-20 \(19 study days left, today included\)/);
    expect(r.stdout).toMatch(/^Tue 12-01 +\d+ min .* learn Virtual machines \(VMs\)/m);
    expect(r.stdout).toMatch(/Predicted recall on 2026-12-20: \d+% of all \d+ questions \(target 90%\)/);
  });

  it('refuses a past date, one under 2 days away and a malformed one (exit 2, with the reason)', () => {
    const s = setup();
    const past = runCli(['plan', '--interview', '2026-11-30'], { env: s.env });
    expect(past.status).toBe(2);
    expect(past.stderr).toBe('study: --interview: 2026-11-30 is in the past (today is 2026-12-01); give the date of an interview still ahead\n');
    const soon = runCli(['plan', '--interview', '2026-12-02'], { env: s.env });
    expect(soon.status).toBe(2);
    expect(soon.stderr).toMatch(/^study: --interview: 2026-12-02 is tomorrow: a plan needs the interview at least 2 days away \(2026-12-03 or later\)/);
    const bad = runCli(['plan', '--interview', '2027-02-30'], { env: s.env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('study: --interview: "2027-02-30" is not valid; expected a day that exists: 2027-02 has 28 days\n');
    const none = runCli(['plan'], { env: s.env });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--interview YYYY-MM-DD is required: no plan is saved yet/);
    expect(runCli(['plan', '--interview', '2027-01-01', '--minutes-per-day', '5'], { env: s.env }).status).toBe(2);
    expect(existsSync(s.config)).toBe(false);
  });

  it("makes the home screen's Next up follow the saved plan", () => {
    const s = setup();
    expect(runCli([], { env: s.env }).stdout).toMatch(/Next up: Learn 1\. Virtual machines/);
    expect(runCli(['plan', '--interview', '2026-12-31'], { env: s.env }).status).toBe(0);
    const home = runCli([], { env: s.env }).stdout.replace(/\s+/g, ' ');
    expect(home).toContain('Next up: Plan (interview in 30 days): learn Virtual machines (VMs) (+1 more today) → study learn virtual-machines');
    // study progress says the same next step, in text and in --json.
    expect(runCli(['progress'], { env: s.env }).stdout.replace(/\s+/g, ' ')).toContain('Next up: Plan (interview in 30 days): learn Virtual machines (VMs) (+1 more today) → study learn virtual-machines');
    expect(JSON.parse(runCli(['progress', '--json'], { env: s.env }).stdout).next).toEqual({ kind: 'learn', text: 'Plan (interview in 30 days): learn Virtual machines (VMs) (+1 more today)', command: 'study learn virtual-machines' });
    // The day the interview comes, the plan no longer drives it.
    const after = runCli([], { env: { ...s.env, STUDY_NOW: '2027-01-01T10:00:00Z' } }).stdout;
    expect(after).not.toContain('Plan (interview');
  });

  it('re-plans after missed days: later, the saved plan starts from the new today with the work not done', () => {
    const s = setup();
    const first = JSON.parse(runCli(['plan', '--interview', '2026-12-31', '--json'], { env: s.env }).stdout);
    const later = runCli(['plan', '--json'], { env: { ...s.env, STUDY_NOW: '2026-12-08T10:00:00Z' } });
    expect(later.status).toBe(0);
    const j = JSON.parse(later.stdout);
    expect(j.days).toHaveLength(first.days.length - 7);
    expect(j.days[0].date).toBe('2026-12-08');
    // Nothing was studied, so the first topics are still the first planned.
    expect(j.days[0].topics[0]).toBe(first.days[0].topics[0]);
    for (const d of j.days) expect(d.minutes).toBeLessThanOrEqual(60);
    // Past the interview day, the saved plan is refused with the reason.
    const over = runCli(['plan'], { env: { ...s.env, STUDY_NOW: '2027-01-02T10:00:00Z' } });
    expect(over.status).toBe(2);
    expect(over.stderr).toMatch(/2026-12-31 is in the past/);
    // No --interview was typed: the line names the saved plan and the two ways out, not the flag.
    expect(over.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^study: the saved plan's interview date: .*study plan --interview YYYY-MM-DD.*study config unset plan\.interview$/)]);
  });
});

describe('study config', () => {
  it('sets, gets, lists and unsets each setting, validated', () => {
    const s = setup();
    expect(runCli(['config', 'set', 'retention', '85%'], { env: s.env }).stdout).toMatch(/^retention = 0.85/);
    expect(runCli(['config', 'get', 'retention'], { env: s.env }).stdout).toBe('0.85\n');
    expect(JSON.parse(runCli(['config', 'get', 'retention', '--json'], { env: s.env }).stdout)).toMatchObject({ key: 'retention', value: 0.85, source: 'config' });
    expect(runCli(['config', 'set', 'color', 'never'], { env: s.env }).status).toBe(0);
    const list = JSON.parse(runCli(['config', 'list', '--json'], { env: s.env }).stdout);
    expect(list.settings.map((r: { key: string }) => r.key)).toEqual(['retention', 'interview-minutes', 'new-topics-per-day', 'pager', 'color', 'plan.interview', 'plan.minutes-per-day']);
    expect(list.settings.find((r: { key: string }) => r.key === 'interview-minutes')).toMatchObject({ value: 45, source: 'default' });
    expect(list.parameters).toBe('default');
    const text = runCli(['config'], { env: s.env }).stdout;
    expect(text).toMatch(/^ {2}retention +0\.85/m);
    expect(text).toMatch(/^ {2}new-topics-per-day +3 +\(default\)/m);
    expect(runCli(['config', 'unset', 'retention'], { env: s.env }).stdout).toBe('retention is back to 0.9 (default)\n');
  });

  it('honours color always / never, with NO_COLOR still winning', () => {
    const s = setup();
    const colourEnv = { ...s.env, NO_COLOR: undefined } as NodeJS.ProcessEnv;
    delete colourEnv.NO_COLOR;
    expect(runCli(['config', 'set', 'color', 'always'], { env: s.env }).status).toBe(0);
    expect(runCli(['config', 'list'], { env: colourEnv }).stdout).toContain('\u001b[');
    expect(runCli(['config', 'list'], { env: s.env }).stdout).not.toContain('\u001b[');
    expect(runCli(['config', 'set', 'color', 'never'], { env: s.env }).status).toBe(0);
    expect(runCli(['config', 'list'], { env: { ...colourEnv, FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('refuses a bad value, an unknown key or action with exit 2 and the accepted range, changing nothing', () => {
    const s = setup();
    const cases: [string[], string][] = [
      [['config', 'set', 'retention', '0.5'], 'study: config set retention: "0.5" is not valid; expected a fraction from 0.70 to 0.99 (or 70% to 99%)\n'],
      [['config', 'set', 'new-topics-per-day', '11'], 'study: config set new-topics-per-day: "11" is not valid; expected a whole number from 1 to 10\n'],
      [['config', 'set', 'interview-minutes', '30'], 'study: config set interview-minutes: "30" is not valid; expected one of 45, 60\n'],
      [['config', 'set', 'plan.interview', '2026-11-01'], 'study: config set plan.interview: 2026-11-01 is in the past (today is 2026-12-01); give the date of an interview still ahead\n'],
      [['config', 'set', 'plan.minutes-per-day', '30'], 'study: config set plan.minutes-per-day: set plan.interview first (or run study plan --interview YYYY-MM-DD)\n'],
      [['config', 'set', 'colour', 'never'], 'study: config: unknown setting "colour"; expected one of retention, interview-minutes, new-topics-per-day, pager, color, plan.interview, plan.minutes-per-day\n'],
      [['config', 'frob'], 'study: config: "frob" is not an action; expected list, get, set, unset\n'],
      [['config', 'set', 'pager'], 'study: config set needs a setting and one value: study config set pager VALUE\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = runCli(args, { env: s.env });
      expect([args.join(' '), r.status, r.stderr]).toEqual([args.join(' '), 2, stderr]);
    }
    expect(existsSync(s.config)).toBe(false);
  });

  it('agrees with review --retention, and reads the value older builds kept in the progress file', () => {
    const legacy = JSON.stringify({ version: 1, createdAt: '2026-01-01T00:00:00.000Z', settings: { desiredRetention: 0.8 }, events: [], cards: {} });
    const s = setup({}, legacy);
    expect(JSON.parse(runCli(['config', 'get', 'retention', '--json'], { env: s.env }).stdout)).toMatchObject({ value: 0.8, source: 'progress file' });
    const r = runCli(['review', '--retention', '0.93'], { env: s.env });
    expect(r.stdout).toContain('Desired retention set to 93%');
    // Saved as asked: without a terminal that is a success, not a usage error after a write.
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(runCli(['config', 'get', 'retention'], { env: s.env }).stdout).toBe('0.93\n');
    expect(runCli(['review', '--retention', '2'], { env: s.env }).stderr).toBe('study: --retention: "2" is not valid; expected a fraction from 0.70 to 0.99 (or 70% to 99%)\n');
    const p = JSON.parse(runCli(['progress', '--json'], { env: s.env }).stdout);
    expect(p.retention).toEqual({ target: 0.93, measured: null, reviews: 0, buckets: expect.any(Array) });
    expect(runCli(['progress'], { env: s.env }).stdout).toContain('Retention: target 93%; measured — no reviews in the last 30 days yet');
  });

  it('shows measured retention beside the target in study progress', () => {
    const history = syntheticHistory({ seed: 4, cards: 40, perCard: 6, start: new Date('2026-10-01T10:00:00Z') });
    const s = setup({}, progressWith(history));
    const j = JSON.parse(runCli(['progress', '--json'], { env: s.env }).stdout).retention;
    expect(j.target).toBe(0.9);
    expect(j.reviews).toBeGreaterThan(0);
    expect(j.measured).toBeGreaterThan(0);
    expect(j.measured).toBeLessThanOrEqual(1);
    expect(j.buckets.reduce((n: number, b: { reviews: number }) => n + b.reviews, 0)).toBe(j.reviews);
    const text = runCli(['progress'], { env: s.env }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain(`Retention: measured ${Math.round(j.measured * 100)}% of ${j.reviews} reviews recalled, target 90% · by interval:`);
  });
});

describe('review --optimize', () => {
  it('says how many more reviews are needed below 1,000 (exit 1)', () => {
    const s = setup({}, progressWith(syntheticHistory({ seed: 1, cards: 50, perCard: 8 })));
    const r = runCli(['review', '--optimize'], { env: s.env });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('study: fitting FSRS parameters needs at least 1,000 reviews; you have 400 — 600 more to go (the defaults serve until then)\n');
  });

  it('fits, reports both metrics, applies only when better, and --reset-parameters undoes it', () => {
    const s = setup({}, progressWith(syntheticHistory({ seed: 9, cards: 240, perCard: 10 })));
    const r = runCli(['review', '--optimize', '--json'], { env: s.env });
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['reviews', 'parameters', 'before', 'after', 'applied']);
    expect(j.reviews).toBe(2400);
    expect(j.parameters).toHaveLength(21);
    expect(Object.keys(j.before)).toEqual(['logLoss', 'rmse']);
    const better = j.after.logLoss < j.before.logLoss && j.after.rmse < j.before.rmse;
    expect(better).toBe(true);
    expect(j.applied).toBe(true);
    expect(JSON.parse(readFileSync(s.config, 'utf8')).fsrs.parameters).toEqual(j.parameters);
    expect(JSON.parse(runCli(['config', 'list', '--json'], { env: s.env }).stdout).parameters).toBe('personal');
    const text = runCli(['review', '--optimize'], { env: s.env });
    expect(text.stdout).toMatch(/^ {2}defaults +0\.\d{4} +0\.\d{4}$/m);
    expect(text.stdout).toMatch(/^ {2}fitted +0\.\d{4} +0\.\d{4}$/m);
    expect(text.stderr).toContain('Fitting FSRS parameters to 2,400 reviews');
    expect(runCli(['review', '--reset-parameters'], { env: s.env }).stdout).toMatch(/reset to the defaults/);
    expect(JSON.parse(readFileSync(s.config, 'utf8')).fsrs).toBeUndefined();
    expect(runCli(['review', '--apply'], { env: s.env }).status).toBe(2);
  });
});

describe('exports', () => {
  it('writes the review log as FSRS optimizer CSV', () => {
    const s = setup({}, progressWith(syntheticHistory({ seed: 2, cards: 5, perCard: 3 })));
    const out = join(s.home, 'revlog.csv');
    const r = runCli(['export', '--format', 'revlog', '--out', out], { env: s.env });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^Wrote 15 reviews to .*revlog\.csv \(FSRS optimizer CSV schema\)\n$/);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
    expect(lines).toHaveLength(16);
    for (const l of lines.slice(1)) expect(l).toMatch(/^\d+,\d{13},[1-4],[0-3],\d+$/);
    expect(runCli(['export', '--format', 'revlog', '--module', '1'], { env: s.env }).status).toBe(2);
  });

  it('exports the same Anki file twice', () => {
    const s = setup();
    const a = join(s.home, 'a.tsv');
    const b = join(s.home, 'b.tsv');
    expect(runCli(['export', '--format', 'anki', '--out', a], { env: s.env }).status).toBe(0);
    expect(runCli(['export', '--format', 'anki', '--out', b], { env: s.env }).status).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    expect(readFileSync(a, 'utf8')).toMatch(/^#separator:tab\n#html:true\n#guid column:1\n#notetype:Basic\n#deck:.+\n#columns:GUID\tFront\tBack\tTags\n#tags column:4\nstudy-[0-9a-f]{16}\t/);
  });
});
