import { classifyText } from '@cxm/classification';
import { benchWorkload } from '../eval/classify-workload';
const { texts } = benchWorkload();
for (let i = 0; i < 5000; i++) classifyText(texts[i % texts.length]);
const t0 = process.cpuUsage();
const n = Number(process.env.N ?? 60000);
for (let i = 0; i < n; i++) classifyText(texts[i % texts.length]);
const u = process.cpuUsage(t0);
console.log('per CPU-second', (n / ((u.user + u.system) / 1e6)).toFixed(0));
