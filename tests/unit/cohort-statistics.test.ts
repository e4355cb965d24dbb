/**
 * The cohort's instrument-health statistics: the F distribution (from the regularized incomplete
 * beta function) against values worked by hand and printed tables, Feldt's interval for
 * Cronbach's α, and α itself on a small worked example.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALPHA_ADEQUATE, healthReading, ITEM_TOTAL_WEAK } from '../../src/lib/cohorts/health.ts';
import {
	fDistribution,
	feldtInterval,
	fQuantile,
	logGamma,
	regularizedBeta,
	scaleHealth
} from '../../src/lib/server/cohort-statistics.ts';

describe('the F distribution', () => {
	it('has the log-gamma of whole and half numbers', () => {
		expect(logGamma(1)).toBeCloseTo(0, 14);
		expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
		expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
		expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9); // ln 100!
	});

	it('has the incomplete beta in closed form where there is one', () => {
		// I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a.
		expect(regularizedBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 14);
		expect(regularizedBeta(0.3, 3, 1)).toBeCloseTo(0.3 ** 3, 14);
		// I_x(a, b) = 1 − I_{1−x}(b, a)
		expect(regularizedBeta(0.4, 2.5, 7)).toBeCloseTo(1 - regularizedBeta(0.6, 7, 2.5), 14);
	});

	it('matches the closed form of F with 2 numerator degrees of freedom, worked by hand', () => {
		// With d1 = 2: P(F ≤ f) = 1 − (1 + 2f/d2)^(−d2/2), so f_p = (d2/2)·((1 − p)^(−2/d2) − 1).
		// d2 = 10, p = .95: 5 × (0.05^(−0.2) − 1) = 5 × (1.8205642 − 1) = 4.102821.
		expect(fQuantile(0.95, 2, 10)).toBeCloseTo(4.102821, 5);
		// d2 = 2: f_p = p / (1 − p); p = .975 gives 39, p = .025 gives 1/39.
		expect(fQuantile(0.975, 2, 2)).toBeCloseTo(39, 9);
		expect(fQuantile(0.025, 2, 2)).toBeCloseTo(1 / 39, 12);
		expect(fDistribution(4.102821, 2, 10)).toBeCloseTo(0.95, 6);
	});

	it('matches printed tables of upper critical values', () => {
		// atozmath.com's F table (four decimals): [upper tail, d1, d2, value].
		const table: [number, number, number, number][] = [
			[0.05, 1, 1, 161.4476],
			[0.05, 10, 1, 241.8817],
			[0.05, 3, 2, 19.1643],
			[0.01, 1, 2, 98.5025],
			[0.05, 2, 3, 9.5521],
			[0.025, 1, 3, 17.4434],
			[0.025, 5, 3, 14.8848],
			[0.1, 1, 3, 5.5383]
		];
		for (const [tail, d1, d2, value] of table) {
			expect(fQuantile(1 - tail, d1, d2), `F(${d1}, ${d2}) upper ${tail}`).toBeCloseTo(value, 3);
		}
		// A printed table of 5% and 1% points (two decimals): F(1, 10) and F(2, 10).
		expect(fQuantile(0.95, 1, 10)).toBeCloseTo(4.96, 2);
		expect(fQuantile(0.99, 1, 10)).toBeCloseTo(10.04, 2);
		expect(fQuantile(0.99, 2, 10)).toBeCloseTo(7.56, 2);
	});

	it('inverts its distribution function, and lower points are reciprocals of upper ones', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0.01, max: 0.99, noNaN: true }),
				fc.integer({ min: 1, max: 400 }),
				fc.integer({ min: 1, max: 4000 }),
				(p, d1, d2) => {
					const f = fQuantile(p, d1, d2);
					expect(fDistribution(f, d1, d2)).toBeCloseTo(p, 9);
					expect(fQuantile(1 - p, d2, d1)).toBeCloseTo(1 / f, 6);
				}
			)
		);
	});
});

describe("Feldt's interval for Cronbach's α", () => {
	it('is 1 − (1 − α)·F at the upper and lower 2.5% points, worked by hand', () => {
		// n = 3, k = 2: F with 2 and 2 degrees of freedom, F.975 = 39, F.025 = 1/39.
		// α = .8: lower = 1 − .2 × 39 = −6.8; upper = 1 − .2/39 = 0.994872.
		const interval = feldtInterval(0.8, 3, 2)!;
		expect(interval.lower).toBeCloseTo(-6.8, 9);
		expect(interval.upper).toBeCloseTo(0.994872, 6);
		// n = 3, k = 6: F(2, 10). F.975 = 5 × (0.025^(−0.2) − 1) = 5.456395,
		// F.025 = 5 × (0.975^(−0.2) − 1) = 0.025380. α = .7: 1 − .3 × those.
		const six = feldtInterval(0.7, 3, 6)!;
		expect(six.lower).toBeCloseTo(1 - 0.3 * 5.456395, 5);
		expect(six.upper).toBeCloseTo(1 - 0.3 * 0.02538, 5);
	});

	it("reproduces statpsych's ci.cronbach(.05, .85, 7, 89) = .7971254 to .8931436 with its degrees of freedom", () => {
		// statpsych (after Feldt 1965) takes n − 1 = 88 and n(k − 1) = 534 degrees of freedom; its
		// seven digits check the F quantiles at large degrees of freedom. Feldt, Woodruff & Salih
		// (1987), which `feldtInterval` follows as cocron and ShinyItemAnalysis do, take
		// (n − 1)(k − 1) = 528, which moves the bounds by less than 0.0001.
		expect(1 - 0.15 * fQuantile(0.975, 88, 534)).toBeCloseTo(0.7971254, 7);
		expect(1 - 0.15 * fQuantile(0.025, 88, 534)).toBeCloseTo(0.8931436, 7);
		const interval = feldtInterval(0.85, 89, 7)!;
		expect(interval.lower).toBeCloseTo(1 - 0.15 * fQuantile(0.975, 88, 528), 12);
		expect(Math.abs(interval.lower - 0.7971254)).toBeLessThan(0.0001);
		expect(Math.abs(interval.upper - 0.8931436)).toBeLessThan(0.0001);
	});

	it('contains α and narrows as responses grow', () => {
		const widths = [30, 100, 1000].map((n) => {
			const { lower, upper } = feldtInterval(0.72, n, 12)!;
			expect(lower).toBeLessThan(0.72);
			expect(upper).toBeGreaterThan(0.72);
			return upper - lower;
		});
		expect(widths[0]).toBeGreaterThan(widths[1]!);
		expect(widths[1]).toBeGreaterThan(widths[2]!);
		expect(feldtInterval(0.72, 1, 12)).toBeNull();
		expect(feldtInterval(0.72, 30, 1)).toBeNull();
	});
});

describe('scale health', () => {
	it('computes α, its interval and item-total correlations on a worked example', () => {
		// Four people, three items: a = 1 2 4 4, b = 1 3 3 4, c = 1 2 3 4.
		// Item variances (n − 1): 6.75/3 = 2.25, 4.75/3 = 1.583333, 5/3 = 1.666667; sum 5.5.
		// Totals 3, 7, 10, 12 (mean 8): variance 46/3 = 15.333333.
		// α = 3/2 × (1 − 5.5/15.333333) = 1.5 × 0.641304 = 0.961957.
		// Interval: n = 4, k = 3, F with 3 and 6 degrees of freedom; its lower 2.5% point is
		// 1/F.975(6, 3) = 1/14.7347 (the table above), so upper = 1 − 0.038043/14.7347 = 0.997418.
		const rows = [
			[1, 1, 1],
			[2, 3, 2],
			[4, 3, 3],
			[4, 4, 4]
		];
		const health = scaleHealth(['a', 'b', 'c'], rows);
		expect(health.respondents).toBe(4);
		expect(health.alpha).toBeCloseTo(0.961957, 6);
		expect(health.interval!.upper).toBeCloseTo(0.997418, 5);
		expect(health.interval!.lower).toBeLessThan(health.alpha!);
		expect(health.interval).toEqual(feldtInterval(health.alpha!, 4, 3));
		expect(health.items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
		for (const item of health.items) expect(item.itemTotal).toBeGreaterThan(0.8);
	});

	it('gives no α (and no interval) when the totals do not vary', () => {
		const health = scaleHealth(
			['a', 'b'],
			[
				[3, 3],
				[3, 3],
				[3, 3]
			]
		);
		expect(health).toMatchObject({ alpha: null, interval: null, respondents: 3 });
	});
});

describe('what the dashboard says about α', () => {
	it('reads the rounded α and range against 0.7', () => {
		expect(healthReading(0.82, { lower: 0.7, upper: 0.9 })).toBe('adequate');
		expect(healthReading(0.7, { lower: 0.69, upper: 0.8 })).toBe('unsure');
		expect(healthReading(0.69, { lower: 0.5, upper: 0.7 })).toBe('probably-low');
		expect(healthReading(0.41, { lower: 0.1, upper: 0.69 })).toBe('low');
		expect(healthReading(null, null)).toBe('unknown');
		expect([ALPHA_ADEQUATE, ITEM_TOTAL_WEAK]).toEqual([0.7, 0.2]);
	});
});
