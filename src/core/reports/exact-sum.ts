import { currencyDigits } from '../../shared/money';
import { type Converter, rateKey, type RateTable } from '../../shared/reports/fx';

// 10^30 is a multiple of every rate denominator (10^0..10^10) times every currency's minor scale (10^0..10^4).
const scale = 10n ** 30n;

/**
 * Sums amounts of several currencies and rate months into base minor units exactly, then rounds once
 * (docs/domain.md §5: "rounding to minor units happens once per channel and month, after conversion").
 * An amount whose month has no rate is left out and reported through the converter's warnings.
 */
export class ExactBaseSums {
  private readonly sums = new Map<string, bigint>();

  constructor(
    private readonly base: string,
    private readonly rates: RateTable,
    private readonly converter: Converter,
  ) {}

  add(key: string, amountMinor: number, currency: string, rateMonth: string): void {
    let exact: bigint;
    if (currency === this.base) exact = BigInt(amountMinor) * scale;
    else {
      const rate = this.rates.get(rateKey(currency, rateMonth));
      if (!rate) {
        this.converter.convert(amountMinor, currency, rateMonth, 1); // lists it in the warnings
        return;
      }
      const from = 10n ** BigInt(currencyDigits(currency));
      const to = 10n ** BigInt(currencyDigits(this.base));
      exact = (BigInt(amountMinor) * rate.numerator * to * scale) / (rate.denominator * from);
    }
    this.sums.set(key, (this.sums.get(key) ?? 0n) + exact);
  }

  /** Each key's sum in base minor units, rounded half to even. */
  *rounded(): Generator<[string, number]> {
    for (const [key, exact] of this.sums) yield [key, Number(halfEven(exact, scale))];
  }
}

function halfEven(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const an = negative ? -n : n;
  const q = an / d;
  const twice = (an % d) * 2n;
  const rounded = twice > d || (twice === d && q % 2n === 1n) ? q + 1n : q;
  return negative ? -rounded : rounded;
}
