import fs from 'node:fs';

// Writes an N-row Upwork transaction history in the current layout (docs/domain.md §3), newest row first,
// deterministic (benchmarks). Blocks of 10 rows: payments with their Service Fee (same Transaction ID),
// a Bonus or a membership, a Connects purchase, a withdrawal and its fee: the mix of a real statement.
const upworkCurrentHeaders = [
  'Date',
  'Transaction ID',
  'Transaction type',
  'Transaction summary',
  'Transaction summary details',
  'Description 1',
  'Description 2',
  'Description 3',
  'Agency team',
  'Freelancer',
  'Client team',
  'Account name',
  'PO',
  'Ref ID',
  'Amount $',
  'Amount in local currency',
  'Currency',
  'Current balance $',
  'Payment method',
];

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const clients = ['Acme Co', 'Beta Labs', 'Gamma, Inc.', 'Delta Studio', 'Epsilon GmbH'];
const newest = Date.UTC(2026, 9, 31);

/** "Sep 25, 2026", `back` days before the newest row. */
function upworkDate(back: number): string {
  const d = new Date(newest - back * 86_400_000);
  return `"${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}"`;
}

/** Cents as Upwork writes them: "1,234.50" (quoted when it has a thousands comma), "-40.00". */
function usd(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  const text = `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
  return whole.includes(',') ? `"${text}"` : text;
}

function upworkRow(i: number): string {
  const block = Math.floor(i / 10);
  const date = upworkDate(Math.floor(i / 400)); // ~2,500 days: 7 years of history for 1,000,000 rows
  const client = clients[block % clients.length]!;
  const gross = 5_000 + ((block * 7919) % 200_000);
  const fee = -Math.round(gross / 10);
  const tx = (k: number) => `${4_000_000_000 + block * 4 + k}`;
  const ref = `${900_000_000 + i}`;
  const row = (txId: string, type: string, summary: string, d1: string, amount: number) =>
    `${date},${txId},${type},"${summary}",,"${d1}",,,,Me,"${client}",,,${ref},${usd(amount)},${usd(amount)},USD,,`;
  switch (i % 10) {
    case 0:
      return row(tx(0), 'Hourly', 'Invoice for hours', `Week ${(block % 52) + 1}`, gross);
    case 1:
      return row(tx(0), 'Service Fee', 'Service Fee', 'Service fee for hourly', fee);
    case 2:
      return row(tx(1), 'Fixed-price', `Milestone ${(block % 5) + 1}`, 'Build a dashboard, phase 2', gross * 2);
    case 3:
      return row(
        tx(1),
        'Service Fee',
        'Service Fee',
        `Service fee for milestone - Ref ID ${900_000_000 + i - 1}`,
        fee * 2,
      );
    case 4:
      return row(tx(2), 'Milestone', 'Milestone payment', 'API integration', gross);
    case 5:
      return row(tx(2), 'Service Fee', 'Service Fee', 'Service fee', fee);
    case 6:
      return row(tx(3), 'Connects', 'Fees for additional Connects (80)', '', -1_200);
    case 7:
      return block % 10 === 0
        ? row(tx(3), 'Membership Fee', 'Freelancer Plus membership', '', -1_999)
        : row(tx(3), 'Bonus', 'Bonus', 'Thanks!', 2_500);
    case 8:
      return row(`${5_000_000_000 + block}`, 'Withdrawal', 'Withdrawal', 'Paid to bank account ****1234', -gross);
    default:
      return row(`${5_000_000_000 + block}`, 'Withdrawal Fee', 'Withdrawal Fee', 'Withdrawal fee', -99);
  }
}

export function writeUpworkCsv(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  let chunk = `${upworkCurrentHeaders.join(',')}\r\n`;
  for (let i = 0; i < rows; i++) {
    chunk += `${upworkRow(i)}\r\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

if (process.argv[1]?.endsWith('generate-upwork.ts')) {
  const [file = 'upwork-bench.csv', rows = '1000000'] = process.argv.slice(2);
  writeUpworkCsv(file, Number(rows));
}
