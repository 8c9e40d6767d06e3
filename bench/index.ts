import { formatTiming, measureHelpRequests } from './help-request-timing';

// `npm run bench`: performance figures, printed (not a test). Issue 6 adds throughput under
// autocannon, page weights and Lighthouse.
async function main(): Promise<void> {
  console.log('Help-request response time, known vs unknown contacts (real HTTP, PGlite on disk)\n');
  for (const floorMs of [20, 0]) console.log(formatTiming(await measureHelpRequests(floorMs)), '\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
