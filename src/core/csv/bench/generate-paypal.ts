import fs from 'node:fs';

// Writes an N-row PayPal activity download in the English layout (docs/domain.md §3), every cell quoted as
// PayPal writes it, deterministic (benchmarks). Blocks of 10 rows: received payments in three
// currencies, a refund given, a subscription paid, a bank deposit and a withdrawal (transfers), a
// pending payment and a currency conversion: what a freelancer's download holds.
const paypalEnglishHeaders = [
  'Date',
  'Time',
  'TimeZone',
  'Name',
  'Type',
  'Status',
  'Currency',
  'Gross',
  'Fee',
  'Net',
  'From Email Address',
  'To Email Address',
  'Transaction ID',
  'Item Title',
  'Item ID',
  'Reference Txn ID',
  'Receipt ID',
  'Balance',
  'Note',
];

const names = ['Client Co', 'Acme, Ltd.', 'Beta Labs', 'Gamma GmbH', 'Delta Studio'];
const newest = Date.UTC(2026, 9, 31);

/** "10/13/2026", `back` days before the newest row. */
function usDate(back: number): string {
  const d = new Date(newest - back * 86_400_000);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** Cents as PayPal writes them: "1,234.50", "-0.59". */
function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

function paypalRow(i: number): string {
  const block = Math.floor(i / 10);
  const name = names[block % names.length]!;
  const gross = 1_000 + ((block * 7919) % 150_000);
  const fee = -(Math.round(gross * 0.029) + 30);
  const time = `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`;
  const cells = (
    type: string,
    status: string,
    currency: string,
    g: number,
    f: number,
    who: string,
    title: string,
    note = '',
  ) => [
    usDate(Math.floor(i / 400)),
    time,
    'PDT',
    who,
    type,
    status,
    currency,
    money(g),
    money(f),
    money(g + f),
    'c@x.test',
    'me@x.test',
    `${(0x1a000000 + i).toString(16).toUpperCase()}X${block % 1000}`,
    title,
    '',
    '',
    '',
    money(gross),
    note,
  ];
  const row = (() => {
    switch (i % 10) {
      case 0:
        return cells('Express Checkout Payment', 'Completed', 'USD', gross, fee, name, 'Website build');
      case 1:
        return cells('General Payment', 'Completed', 'EUR', gross, fee, name, '', 'Invoice 2026-10');
      case 2:
        return cells('Subscription Payment', 'Completed', 'GBP', gross, fee, name, 'Retainer');
      case 3:
        return cells('Mobile Payment', 'Completed', 'USD', gross * 2, fee * 2, name, 'Logo design');
      case 4:
        return cells('Payment Refund', 'Completed', 'USD', -Math.round(gross / 4), 0, name, 'Partial refund');
      case 5:
        return cells('Subscription Payment', 'Completed', 'USD', -1_299, 0, 'Design Tool Inc', 'Monthly plan');
      case 6:
        return cells('Bank Deposit to PP Account', 'Completed', 'USD', 50_000, 0, '', '');
      case 7:
        return cells('General Withdrawal', 'Completed', 'USD', -gross, 0, '', '');
      case 8:
        return cells('Website Payment', 'Pending', 'USD', gross, fee, name, 'Consulting');
      default:
        return cells('General Currency Conversion', 'Completed', 'EUR', -gross, 0, '', '');
    }
  })();
  return row.map((c) => `"${c}"`).join(',');
}

export function writePaypalCsv(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  let chunk = `${paypalEnglishHeaders.map((h) => `"${h}"`).join(',')}\r\n`;
  for (let i = 0; i < rows; i++) {
    chunk += `${paypalRow(i)}\r\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

if (process.argv[1]?.endsWith('generate-paypal.ts')) {
  const [file = 'paypal-bench.csv', rows = '1000000'] = process.argv.slice(2);
  writePaypalCsv(file, Number(rows));
}
