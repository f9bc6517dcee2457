/**
 * The standard normal distribution to full double precision, tails included.
 *
 * The scaled complementary error function erfcx(x) = exp(x²) erfc(x) comes
 * from (1 + 2x) erfcx(x) as a function of t = (x − K) / (x + K), the mapping
 * of Shepherd & Laframboise ("Chebyshev approximation of (1 + 2x) exp(x²)
 * erfc x in 0 ≤ x < ∞", Math. Comp. 36, 1981), which is smooth on all of
 * t ∈ [−1, 1]. Tapedeck cuts that interval into 8 pieces with a short
 * Chebyshev series each (13-14 terms, half the work of one series over the
 * whole range); the coefficients were computed for Tapedeck with mpmath at
 * 50 digits (48 Gauss–Chebyshev nodes a piece) and each series is cut where
 * its tail falls under 5e-19, so erfcx is good to a few ulps on [0, ∞).
 * Everything else follows from it:
 *   Φ(z) = ½ erfcx(−z/√2) · exp(−z²/2)   for z < 0
 * with exp(−z²/2) taken on an exactly split z², so Φ keeps its full relative
 * precision down to the subnormal range (z ≈ −38), where naive
 * ½ erfc(−z/√2) loses up to three digits to the rounding of z/√2.
 */

const K = 3.75;
/** t ∈ [−1, 1) is cut into PIECE_COUNT equal pieces, each with its own Chebyshev series in u ∈ [−1, 1]. */
const PIECE_COUNT = 8;
const PIECES: readonly (readonly number[])[] = [
  [
    1.1374200919907644458, 1.1777211040650014277e-1, -1.8170118860333885598e-2, 1.4049771306535207984e-3,
    -7.0441223029750558263e-5, 2.3918923145608267288e-6, -5.196306008983527365e-8, 5.2044174100345466057e-10,
    5.3663802127255523758e-12, -2.0299243940665966958e-13, -6.5009442844065490155e-17, 6.2055704533678699099e-17,
    -7.1339783050887321514e-20,
  ],
  [
    1.2696028446877748134, 2.3911212251937851699e-2, -6.6994027217975491669e-3, 5.9807859953938781898e-4,
    -3.3822164522875271198e-5, 1.3324107359469163354e-6, -3.6058750895763951793e-8, 5.7986735287881990301e-10,
    -1.3667732937537143613e-12, -1.5569652989588819342e-13, 2.2286816680429099248e-15, 3.4857616207899587872e-17,
    -9.741352386977380074e-19, -1.0343196281485996243e-20,
  ],
  [
    1.2812222150206308483, -8.4292558263272648257e-3, -2.0275705760077463551e-3, 2.2846068936977989794e-4,
    -1.4557997630596547403e-5, 6.5238817557045070843e-7, -2.1141653948583738583e-8, 4.6577834817991779085e-10,
    -5.1316518891885020082e-12, -5.0688879985385902888e-14, 2.65093496119107045e-15, -1.5072934660836287493e-17,
    -9.0193502286513539873e-19, 1.2697240456584421288e-20,
  ],
  [
    1.2545829731675961898, -1.6810360050325932196e-2, -3.310573201285803278e-4, 7.6431734820159978114e-5,
    -5.628376632829035455e-6, 2.8193492232587139799e-7, -1.0538041794603041936e-8, 2.9088740682351477192e-10,
    -5.3028818580545113458e-12, 3.2225674440716590854e-14, 1.3293207728713127605e-15, -3.7607288367213802639e-17,
    2.041802802320930497e-21,
  ],
  [
    1.2203714012344230771, -1.6969346606167643709e-2, 1.9413583590253792403e-4, 2.0186659059633017098e-5,
    -1.9525441996694112839e-6, 1.0894534072631475439e-7, -4.5395462083111436395e-9, 1.4690062652526428117e-10,
    -3.563744286714665204e-12, 5.5020550391699226988e-14, -7.0888190184223324703e-17, -2.1998292880905190545e-17,
    5.0503798827711340248e-19,
  ],
  [
    1.1884666588082416593, -1.4845172962034171746e-2, 3.0497360666111322078e-4, 1.6472164500970285944e-6,
    -5.8899007313753642125e-7, 3.8239927027596378437e-8, -1.7379058116572918857e-9, 6.2532468632272994712e-11,
    -1.8039163406265938297e-12, 3.9680878906442654456e-14, -5.4284304179515647894e-16, -1.2784479686163412313e-18,
    2.9011386706532916035e-19,
  ],
  [
    1.1611962027726214876, -1.2440588727022154141e-2, 2.8747261019596847765e-4, -3.4310746468358500163e-6,
    -1.2811886502568421025e-7, 1.2189336393757400133e-8, -6.0992039102124940384e-10, 2.3558742416038228164e-11,
    -7.5124946679027652153e-13, 1.9766747531039596802e-14, -4.0626199795224615482e-16, 5.2812961968572872429e-18,
    1.648665901753173272e-20,
  ],
  [
    1.1384693617385383274, -1.0326046095891402558e-2, 2.3998044444974316772e-4, -4.1432039263452974454e-6,
    1.1096908380818879616e-8, 3.3070850338704609758e-9, -1.9959954633549493204e-10, 8.2178675971999577125e-12,
    -2.7727246641497217006e-13, 7.9785510380018437481e-15, -1.9465182565577748992e-16, 3.8270912043099477297e-18,
    -5.0545305587386884511e-20,
  ],
];
/** The pieces zero-padded to one length in one typed array (the hot loop reads it without indirection). */
const STRIDE = Math.max(...PIECES.map((p) => p.length));
const FLAT = new Float64Array(PIECE_COUNT * STRIDE);
PIECES.forEach((p, i) => FLAT.set(p, i * STRIDE));

export const SQRT_2 = Math.SQRT2;
export const INV_SQRT_2PI = 0.3989422804014326779399460599343818684759;

/** exp(x²) · erfc(x) for x ≥ 0 (Clenshaw's recurrence on the piece of the series that holds t). */
export function erfcxNonNegative(x: number): number {
  if (x === Number.POSITIVE_INFINITY) return 0;
  const t = (x - K) / (x + K);
  const piece = Math.min(Math.floor((t + 1) * (PIECE_COUNT / 2)), PIECE_COUNT - 1);
  const first = piece * STRIDE;
  const u = (t + 1) * PIECE_COUNT - 2 * piece - 1;
  const u2 = 2 * u;
  let b1 = 0;
  let b2 = 0;
  for (let j = first + STRIDE - 1; j > first; j--) {
    const b0 = u2 * b1 - b2 + (FLAT[j] ?? 0);
    b2 = b1;
    b1 = b0;
  }
  return (u * b1 - b2 + (FLAT[first] ?? 0)) / (1 + 2 * x);
}

/** exp(−z²/2), exact to an ulp or two for any z: z² is split so that no rounding of it is exponentiated. */
export function expHalfSquareNeg(z: number): number {
  const a = Math.abs(z);
  // Below 2 the rounding of z² moves the exponent by under 2 ulps of 1: one exp will do.
  if (a < 2) return Math.exp(-0.5 * a * a);
  const hi = Math.trunc(a * 16) / 16;
  const lo = a - hi;
  return Math.exp(-0.5 * hi * hi) * Math.exp(-0.5 * lo * (a + hi));
}

/** The standard normal density φ(z). */
export function normPdf(z: number): number {
  return INV_SQRT_2PI * expHalfSquareNeg(z);
}

/** The standard normal distribution Φ(z), with full relative precision in the lower tail. */
export function normCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z < 0) return 0.5 * erfcxNonNegative(-z / SQRT_2) * expHalfSquareNeg(z);
  return 1 - 0.5 * erfcxNonNegative(z / SQRT_2) * expHalfSquareNeg(z);
}

/**
 * Φ(z) / φ(z) for z ≤ 0 (the Mills ratio of −z): finite and smooth where
 * Φ itself underflows, ~1/|z| far out.
 */
export function millsOfNegative(z: number): number {
  return Math.sqrt(Math.PI / 2) * erfcxNonNegative(-z / SQRT_2);
}

/** erfc(x) for any real x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const a = Math.abs(x);
  const hi = Math.trunc(a * 16) / 16;
  const tail = erfcxNonNegative(a) * Math.exp(-hi * hi) * Math.exp(-(a - hi) * (a + hi));
  return x >= 0 ? tail : 2 - tail;
}
