// Writes .gz and .br next to every text asset of the production build, so a server that serves
// pre-compressed files (nginx gzip_static/brotli_static, @fastify/static `preCompressed`) sends them
// without compressing on each request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = resolve(import.meta.dirname, '../dist/browser');
const compressible = /\.(js|css|html|svg|json|txt)$/;

let files = 0;
for (const name of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
  const path = join(dist, name);
  if (!compressible.test(name) || !statSync(path).isFile()) continue;
  const content = readFileSync(path);
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  files += 1;
}
console.log(`pre-compressed ${files} files in ${dist} (.gz, .br)`);
