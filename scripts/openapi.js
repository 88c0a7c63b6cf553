#!/usr/bin/env node
// The committed OpenAPI document (openapi.json at the root), so every API change shows in review.
//   node scripts/openapi.js generate   writes openapi.json from the built code (dist/), as the server builds it
//   node scripts/openapi.js check      serves the app on DATABASE_URL (on PORT when set, otherwise a free
//                                      port on 127.0.0.1), fetches /docs-json and fails when it
//                                      differs from openapi.json (run `npm run openapi:generate` and commit)
// Both need `npm run build` first (the Swagger plugin's metadata is compiled into dist/). Keys are written
// in sorted order (arrays keep theirs), so the file changes only when the API does.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const file = join(root, 'openapi.json');
const dist = (path) => require(join(root, 'dist', 'src', path));

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
}

const serialize = (document) => `${JSON.stringify(sortKeys(document), null, 2)}\n`;

/** The document from the app's modules, without a database: Nest's preview mode builds the module graph but no provider. */
async function generate() {
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { AppModule } = dist('app.module');
  const { buildOpenApiDocument } = dist('bootstrap');
  const app = await NestFactory.create(AppModule.forRoot({ databaseUrl: 'postgres://unused/openapi' }), {
    preview: true, bodyParser: false, logger: false, abortOnError: false,
  });
  const document = buildOpenApiDocument(app);
  await app.close();
  return document;
}

/** What a running server answers on /docs-json (createApp + listen, as `npm start` does). */
async function served() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('openapi:check serves the app: set DATABASE_URL');
  process.env.LOG_LEVEL ??= 'silent';
  const { createApp } = dist('create-app');
  const app = await createApp(databaseUrl);
  try {
    await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1'); // PORT when set, otherwise a free port
    const { port } = app.getHttpServer().address();
    const response = await fetch(`http://127.0.0.1:${port}/docs-json`);
    if (!response.ok) throw new Error(`/docs-json answered ${response.status}`);
    return await response.json();
  } finally {
    await app.close();
  }
}

async function main(command) {
  if (command === 'generate') {
    writeFileSync(file, serialize(await generate()));
    console.log(`wrote ${file}`);
    return;
  }
  if (command === 'check') {
    const committed = readFileSync(file, 'utf8');
    const answer = serialize(await served());
    if (answer === committed) {
      console.log('openapi.json matches /docs-json');
      return;
    }
    const [a, b] = [committed.split('\n'), answer.split('\n')];
    const line = a.findIndex((text, i) => text !== b[i]);
    console.error(`openapi.json differs from the served /docs-json from line ${line + 1}:`);
    console.error(`  committed: ${a[line] ?? '(end of file)'}\n  served:    ${b[line] ?? '(end of file)'}`);
    console.error('Run `npm run build && npm run openapi:generate` and commit openapi.json.');
    process.exitCode = 1;
    return;
  }
  throw new Error('usage: node scripts/openapi.js generate|check');
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
