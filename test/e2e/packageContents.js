#!/usr/bin/env node
// Checks what the packaged extension (the .vsix that `npm run package` makes) contains: what VS Code needs to run and
// show Citewise, and none of the sources, tests, source maps or node_modules.
//
//   node test/e2e/packageContents.js [citewise.vsix]
const path = require('node:path');
const assert = require('node:assert/strict');
const { readZipEntries } = require('./zipReader');
const { Checklist } = require('./checklist');

const repositoryRoot = path.resolve(__dirname, '..', '..');
const vsixPath = path.resolve(process.argv[2] ?? path.join(repositoryRoot, 'citewise.vsix'));

// Files inside the .vsix sit under extension/; vsce renames README.md, CHANGELOG.md and LICENSE on the way in.
const requiredFiles = [
  'extension/package.json',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/dist/cli.js',
  'extension/syntaxes/citations.injection.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/docs/icon.png',
];

const forbiddenPatterns = [
  { pattern: /(^|\/)node_modules\//, what: 'node_modules' },
  { pattern: /\.map$/, what: 'source maps' },
  { pattern: /^extension\/(test|out)\//, what: 'tests' },
  { pattern: /^extension\/(server|client)\/src\//, what: 'TypeScript sources' },
  { pattern: /\.ts$/, what: 'TypeScript files' },
  { pattern: /^extension\/(scripts|examples|\.ci)\//, what: 'build scripts, examples or CI files' },
  { pattern: /^extension\/docs\/(?!icon\.png$)/, what: 'documentation pictures besides the icon' },
];

async function main() {
  const checklist = new Checklist();
  console.log(`Contents of ${vsixPath}`);
  let entries;
  const readable = await checklist.check('the .vsix is a readable zip', () => {
    entries = readZipEntries(vsixPath);
  });
  if (!readable) return checklist.close();
  const names = entries.map((entry) => entry.name);
  const manifest = () => JSON.parse(entries.find((entry) => entry.name === 'extension/package.json').read().toString('utf8'));

  await checklist.check('it holds the bundles, grammar, manifest, texts and icon', () => {
    const missing = requiredFiles.filter((name) => !names.includes(name));
    assert.deepEqual(missing, [], `missing: ${missing.join(', ')}`);
  });
  for (const { pattern, what } of forbiddenPatterns) {
    await checklist.check(`it holds no ${what}`, () => {
      const found = names.filter((name) => pattern.test(name));
      assert.deepEqual(found, [], `found: ${found.join(', ')}`);
    });
  }
  await checklist.check('its package.json starts ./dist/extension.js, which is there', () => {
    assert.equal(manifest().main, './dist/extension.js');
    assert.ok(names.includes('extension/dist/extension.js'));
  });
  await checklist.check("its package.json names an icon that is there", () => {
    const icon = manifest().icon;
    assert.ok(icon, 'no icon in package.json');
    assert.ok(names.includes(`extension/${icon}`), `${icon} is not in the .vsix`);
  });
  await checklist.check('the bundles are minified and name no source map', () => {
    for (const bundle of ['extension', 'server']) {
      const text = entries.find((entry) => entry.name === `extension/dist/${bundle}.js`).read().toString('utf8');
      assert.ok(!/sourceMappingURL/.test(text), `dist/${bundle}.js names a source map`);
      // Minified code keeps line breaks only inside template strings, so its lines are long on average.
      const averageLineLength = text.length / text.split('\n').length;
      assert.ok(averageLineLength > 400, `dist/${bundle}.js is not minified (${Math.round(averageLineLength)} characters a line)`);
    }
  });
  return checklist.close();
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error?.stack ?? error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
