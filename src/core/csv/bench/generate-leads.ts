import fs from 'node:fs';
import { ownHeaders } from '../own-formats';

// Writes an N-row leads CSV in our own format (benchmarks, e2e progress tests).
const sources = ['Upwork', 'Fiverr', 'LinkedIn', 'Referral', 'Personal website'];
const stages = ['new', 'applied', 'replied', 'interview', 'won', 'lost'];

export function writeLeadsCsv(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  let chunk = `${ownHeaders.leads.join(',')}\r\n`;
  for (let i = 0; i < rows; i++) {
    const stage = stages[i % 6]!;
    const day = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const applied = stage === 'new' ? '' : day;
    const closed = stage === 'won' || stage === 'lost' ? day : '';
    chunk += `b${i},${sources[i % 5]},"Build a dashboard, phase ${i % 97}",Client ${i % 5000},https://example.test/jobs/${i},${stage},${day},${applied},${closed},${(i % 8) * 2},${i % 3 === 0 ? 4 : 0},0,${stage === 'won' ? `${(i % 900) + 100}.50` : ''},USD,${stage === 'lost' ? 'price' : ''},react;api,,\r\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

if (process.argv[1]?.endsWith('generate-leads.ts')) {
  const [file = 'leads-bench.csv', rows = '1000000'] = process.argv.slice(2);
  writeLeadsCsv(file, Number(rows));
}
