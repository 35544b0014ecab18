// `npm run size`: the gzip size of the single-file bundle (what a <script src> user downloads).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const file = 'dist/posthog-replay.js';
const bytes = readFileSync(file);
const gz = gzipSync(bytes, { level: 9 }).length;
console.log(`${file}: ${(bytes.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip`);
