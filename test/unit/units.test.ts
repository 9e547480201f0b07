/** The one unit parser and formatter: table tests and round-trip properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carry, formatBytes, formatCount, formatFlops, formatSeconds, formatUsd, formatUsdColumn, parseQuantity, sigFigs, times, whole, type Kind } from '../../src/calc/units.js';

const value = (text: string, kind: Kind) => {
  const r = parseQuantity(text, kind);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('parseQuantity', () => {
  it.each([
    ['10k', 'count', 1e4],
    ['1.5M', 'count', 1.5e6],
    ['7B', 'count', 7e9],
    ['7b', 'count', 7e9],
    ['2T', 'count', 2e12],
    ['3e9', 'count', 3e9],
    ['1,200', 'count', 1200],
    ['3.14e23 FLOPs', 'count', 3.14e23],
    ['2T tokens', 'count', 2e12],
    ['512 B', 'bytes', 512],
    ['1.5 GB', 'bytes', 1.5e9],
    ['2 GiB', 'bytes', 2 ** 31],
    ['10TB', 'bytes', 1e13],
    ['1 PiB', 'bytes', 2 ** 50],
    ['40 ms', 'seconds', 0.04],
    ['5 min', 'seconds', 300],
    ['3 h', 'seconds', 10_800],
    ['7 d', 'seconds', 604_800],
    ['6 mo', 'seconds', 6 * 30 * 86_400],
    ['2 y', 'seconds', 2 * 365 * 86_400],
    ['$0.5', 'usd', 0.5],
    ['$1.2k', 'usd', 1200],
    ['3M USD', 'usd', 3e6],
    ['20%', 'fraction', 0.2],
    ['5%/mo', 'fraction', 0.05],
    ['0.4', 'fraction', 0.4],
  ] as const)('%s as %s = %d', (text, kind, expected) => {
    expect(value(text, kind)).toBeCloseTo(expected, 6);
  });

  it.each([
    ['7X', 'count', /unknown unit "X"/],
    ['abc', 'count', /expected a number/],
    ['-5', 'bytes', /negative/],
    ['1e999', 'count', /too large/],
    ['', 'usd', /expected an amount/],
    ['5 parsecs', 'seconds', /unknown unit/],
  ] as const)('refuses %j as %s', (text, kind, message) => {
    const r = parseQuantity(text, kind);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('formatting to 3 significant figures', () => {
  it.each([
    [sigFigs(1234.5), '1,230'],
    [sigFigs(46_000), '46,000'],
    [carry(2314.81), '2,315'],
    [carry(2_788_000), '2.788M'],
    [whole(1024), '1,024'],
    [times(1.68), '1.7×'],
    [times(2.64e14), '2.6e14×'],
    [times(120_000), '120,000×'],
    [formatCount(2.5e25), '2.5e25'],
    [formatFlops(1.26e22), '1.26e22 FLOPs'],
    [formatUsd(0.8), '$0.80'],
    [formatUsd(1.84), '$1.84'],
    [formatUsd(12.3), '$12.30'],
    [formatUsd(5576), '$5,580'],
    [formatUsd(5.576e6), '$5.58M'],
    [formatUsd(0), '$0.00'],
    [sigFigs(0.012345), '0.0123'],
    [sigFigs(Infinity), '—'],
    [formatCount(1_234_567), '1.23M'],
    [formatCount(999_999), '1M'],
    [formatCount(42), '42'],
    [formatCount(3.15e23), '3.15e23'],
    [formatFlops(3.15e23), '3.15e23 FLOPs'],
    [formatFlops(989e12, true), '989 TFLOP/s'],
    [formatBytes(2 ** 31, true), '2 GiB'],
    [formatBytes(2 ** 31), '2.15 GB'],
    [formatBytes(999_999), '1 MB'],
    [formatSeconds(0.04), '40 ms'],
    [formatSeconds(5400), '1.5 h'],
    [formatSeconds(3e7), '347 d'],
    [formatUsd(0.023), '$0.023'],
    [formatUsd(412.4), '$412'],
    [formatUsd(1_234_567), '$1.23M'],
  ])('%s', (got, want) => expect(got).toBe(want));
});

describe('round trips', () => {
  const positive = fc.double({ min: 1e-3, max: 1e24, noNaN: true, noDefaultInfinity: true });
  it('formatted counts parse back within rounding', () => {
    fc.assert(fc.property(positive.filter((n) => n < 1e18), (n) => Math.abs(value(formatCount(n), 'count') / n - 1) < 0.006));
  });
  it('formatted bytes parse back within rounding, decimal and binary', () => {
    fc.assert(fc.property(fc.double({ min: 1, max: 1e20, noNaN: true }), fc.boolean(), (n, bin) => Math.abs(value(formatBytes(n, bin), 'bytes') / n - 1) < 0.006));
  });
  it('formatted amounts parse back within rounding', () => {
    fc.assert(fc.property(fc.double({ min: 0.01, max: 1e12, noNaN: true }), (n) => Math.abs(value(formatUsd(n), 'usd') / n - 1) < 0.006));
  });
  it('exact numbers round-trip exactly', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e300, noNaN: true }), (n) => value(String(n), 'count') === n));
  });
  it('never returns NaN or Infinity for any text', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom<Kind>('count', 'bytes', 'seconds', 'usd', 'fraction'), (text, kind) => {
        const r = parseQuantity(text, kind);
        return !r.ok || Number.isFinite(r.value);
      }),
    );
  });
});

describe('formatUsdColumn', () => {
  it('gives a column one number of decimals, so the points line up', () => {
    expect(formatUsdColumn([3.75, 1.875, 0.75, 0.375, 0.25, 0.1875])).toEqual(['$3.75', '$1.88', '$0.75', '$0.38', '$0.25', '$0.19']);
    expect(formatUsdColumn([0.8, 0.012])).toEqual(['$0.800', '$0.012']);
    expect(formatUsdColumn([412.4, 5.5])).toEqual(['$412', '$5.50']);
    expect(formatUsdColumn([Number.NaN, 2])).toEqual(['—', '$2.00']);
  });

  it('every amount under $100 has the same decimals, and reads back within a cent or 2 significant figures', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.001, max: 99, noNaN: true }), { minLength: 1, maxLength: 8 }), (xs) => {
        const out = formatUsdColumn(xs);
        const decimals = new Set(out.map((s) => s.split('.')[1]?.length));
        expect(decimals.size).toBe(1);
        out.forEach((s, k) => expect(Math.abs(Number(s.slice(1)) - xs[k]!)).toBeLessThanOrEqual(Math.max(0.005, xs[k]! * 0.05)));
      }),
    );
  });
});

describe('a unit of the wrong kind', () => {
  it.each([
    ['5 GB', 'seconds', '"5 GB" is a size; expected a duration such as 40 ms, 2 s, 5 min, 3 h, 7 d, 6 mo or 2 y'],
    ['40 ms', 'bytes', '"40 ms" is a duration; expected a size such as 512 B, 320 KiB, 1.5 GB, 2 GiB or 10 TB'],
    ['5GB', 'count', '"5GB" is a size; expected a number such as 1200, 3.2k, 1.5M, 7B, 2T or 3e9'],
    ['3 USD', 'seconds', '"3 USD" is an amount; expected a duration such as 40 ms, 2 s, 5 min, 3 h, 7 d, 6 mo or 2 y'],
  ] as const)('%s as %s is named as what it is', (text, kind, error) => {
    expect(parseQuantity(text, kind)).toEqual({ ok: false, error });
  });

  it('leaves count suffixes and one-letter units alone', () => {
    expect(parseQuantity('7B', 'count')).toMatchObject({ ok: true, value: 7e9 });
    expect(parseQuantity('2 s', 'seconds')).toMatchObject({ ok: true, value: 2 });
    expect(parseQuantity('3 h', 'bytes')).toMatchObject({ ok: false, error: 'unknown unit "h"; expected a size such as 512 B, 320 KiB, 1.5 GB, 2 GiB or 10 TB' });
  });
});
