import type { DecimalSeparator } from '../../shared/csv/amounts';

// The Upwork prescan's memory (hundreds of thousands of payments and fees in a 1M-row statement):
// its live size when the scan ends sets how far V8 lets the old heap grow for the whole import after
// it (docs/performance.md), so it is kept off the JS heap where it can be.
// IDs made of digits (Upwork's) go into typed-array hash tables, other IDs into a Map; a fee whose
// payment was already seen keeps only its line, its payment's line and its amount read both ways
// (the decimal separator is decided after the scan); only fees seen before their payment keep IDs.

type Key = number | string;

/** "4000000123" -> 4000000123 (a canonical digit string and its number are the same key); any other text stays text. */
function idKey(text: string): Key {
  return text.length <= 15 && /^[1-9][0-9]*$/.test(text) ? Number(text) : text;
}

/** ID -> first line, numeric IDs in an open-addressing table of typed arrays, others in a Map. */
class FirstLines {
  private keys = new Float64Array(1 << 12); // 0: empty (numeric keys are ≥ 1)
  private lines = new Int32Array(1 << 12);
  private size = 0;
  private readonly other = new Map<string, number>();

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    // Fibonacci hashing of the low and high halves: IDs are often consecutive.
    let i = (Math.imul((key % 0x100000000) ^ Math.floor(key / 0x100000000), 0x9e3779b1) >>> 0) & mask;
    while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** Keeps the first line of each key. */
  add(key: Key, line: number): void {
    if (typeof key === 'string') {
      if (!this.other.has(key)) this.other.set(key, line);
      return;
    }
    const i = this.slot(key);
    if (this.keys[i] === key) return;
    this.keys[i] = key;
    this.lines[i] = line;
    if (++this.size * 2 > this.keys.length) this.grow();
  }

  get(key: Key): number | undefined {
    if (typeof key === 'string') return this.other.get(key);
    const i = this.slot(key);
    return this.keys[i] === key ? this.lines[i] : undefined;
  }

  private grow(): void {
    const { keys, lines } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.lines = new Int32Array(keys.length * 2);
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === 0) continue;
      const i = this.slot(keys[j]!);
      this.keys[i] = keys[j]!;
      this.lines[i] = lines[j]!;
    }
  }
}

type TypedColumn = Int32Array | Float64Array;

/** A growing typed column (off the JS heap). */
class Column<T extends TypedColumn> {
  length = 0;
  constructor(private data: T) {}
  push(n: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = n;
  }
  at(i: number): number {
    return this.data[i]!;
  }
}

const ints = () => new Column(new Int32Array(1024));
const floats = () => new Column(new Float64Array(1024));

/** Sorted lines for binary search. */
function find(sorted: Int32Array, line: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === line) return mid;
    if (v < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** What the second pass asks, held in sorted typed arrays (it stays for the whole import). */
export class Linked {
  constructor(
    private readonly payments: Int32Array,
    private readonly totals: Float64Array,
    private readonly fees: Int32Array,
  ) {}

  /** The fees a payment's line carries (positive), 0 when none joined it. */
  feeFor(line: number): number {
    const i = find(this.payments, line);
    return i === -1 ? 0 : this.totals[i]!;
  }

  /** Whether the fee on this line joined a payment. */
  joined(line: number): boolean {
    return find(this.fees, line) !== -1;
  }
}

export class FeeLinks {
  private paymentByTx = new FirstLines();
  private paymentByRef = new FirstLines();
  private feeLines = ints();
  /** The payment's line, or -1 while the fee waits for the end of the scan. */
  private feeTargets = ints();
  /** The fee's amount in minor units read with a decimal point and with a decimal comma (NaN: unreadable that way). */
  private feePoint = floats();
  private feeComma = floats();
  private waiting = new Map<number, { txId: Key | ''; ref: Key | null }>();

  constructor(private readonly read: (text: string, decimal: DecimalSeparator) => number | undefined) {}

  /** The first payment of a Transaction ID (and of a Ref ID) is the one its fees join. */
  payment(txId: string, refId: string, line: number): void {
    if (txId) this.paymentByTx.add(idKey(txId), line);
    if (refId) this.paymentByRef.add(idKey(refId), line);
  }

  /**
   * A fee joins the payment of its Transaction ID, else the one of the Ref ID its description names.
   * Settled now when that answer cannot change any more: its Transaction ID's payment is known (the
   * first one wins), or it has no Transaction ID and its Ref ID's payment is known.
   */
  fee(txId: string, ref: string | null, amount: string, line: number): void {
    const tx = txId ? idKey(txId) : '';
    const r = ref ? idKey(ref) : null;
    let target = tx !== '' ? this.paymentByTx.get(tx) : undefined;
    if (target === undefined && tx === '' && r !== null) target = this.paymentByRef.get(r);
    if (target === undefined) this.waiting.set(this.feeLines.length, { txId: tx, ref: r });
    this.feeLines.push(line);
    this.feeTargets.push(target ?? -1);
    this.feePoint.push(this.read(amount, '.') ?? NaN);
    this.feeComma.push(this.read(amount, ',') ?? NaN);
  }

  /** Each payment's fee total (minus the fees' amounts) and the fee lines that joined one; frees the scan's maps. */
  link(decimal: DecimalSeparator): Linked {
    const amounts = decimal === ',' ? this.feeComma : this.feePoint;
    const n = this.feeLines.length;
    const targets = new Int32Array(n);
    const minors = new Float64Array(n);
    const fees = new Int32Array(n);
    let count = 0;
    let sorted = true;
    for (let i = 0; i < n; i++) {
      let target: number | undefined = this.feeTargets.at(i);
      if (target === -1) {
        const w = this.waiting.get(i)!;
        target =
          (w.txId !== '' ? this.paymentByTx.get(w.txId) : undefined) ??
          (w.ref !== null ? this.paymentByRef.get(w.ref) : undefined);
        if (target === undefined) continue;
      }
      // An unreadable fee is reported on its own line; it adds nothing to its payment.
      const minor = amounts.at(i);
      if (count > 0 && target < targets[count - 1]!) sorted = false;
      targets[count] = target;
      minors[count] = Number.isNaN(minor) ? 0 : minor;
      fees[count] = this.feeLines.at(i); // the scan runs in line order: already sorted
      count++;
    }
    const order = Uint32Array.from({ length: count }, (_, i) => i);
    if (!sorted) order.sort((x, y) => targets[x]! - targets[y]! || x - y);
    const payments: number[] = [];
    const totals: number[] = [];
    for (let k = 0; k < count; k++) {
      const i = order[k]!;
      if (payments.length > 0 && payments[payments.length - 1] === targets[i])
        totals[totals.length - 1] = totals[totals.length - 1]! - minors[i]!;
      else {
        payments.push(targets[i]!);
        totals.push(0 - minors[i]!);
      }
    }
    this.paymentByTx = new FirstLines();
    this.paymentByRef = new FirstLines();
    this.feeLines = ints();
    this.feeTargets = ints();
    this.feePoint = floats();
    this.feeComma = floats();
    this.waiting = new Map();
    return new Linked(Int32Array.from(payments), Float64Array.from(totals), fees.slice(0, count));
  }
}
