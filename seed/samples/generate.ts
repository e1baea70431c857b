// Writes the sample files for trying the per-person signals import by hand:
//   npx tsx seed/samples/generate.ts
// Deterministic: running it again writes the same bytes (seed/samples.test.ts checks this).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSampleFiles, SAMPLE_FILE_NAMES } from './sample-files';

const folder = fileURLToPath(new URL('.', import.meta.url));
const files = generateSampleFiles();
for (const format of ['spells', 'staffing'] as const) {
	const path = join(folder, SAMPLE_FILE_NAMES[format]);
	writeFileSync(path, files[format], 'utf8');
	console.log(`${path}: ${Buffer.byteLength(files[format])} bytes`);
}
console.log(`${files.spellRows} spells of ${files.employees} employees.`);
