// Installs the built extension into an extensions folder the way VS Code lays out an installed .vsix
// (<publisher>.<name>-<version>), so that the screenshots show Citewise as a user has it, not as a development build.
const fs = require('node:fs');
const path = require('node:path');

// What a packaged Citewise contains: the manifest, the esbuild bundles (they include every dependency) and the grammar.
const packagedEntries = ['package.json', 'dist', 'syntaxes', 'README.md', 'CHANGELOG.md', 'LICENSE'];

function installExtension(repositoryRoot, extensionsDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8'));
  if (!fs.existsSync(path.join(repositoryRoot, 'dist', 'extension.js'))) throw new Error('dist/ is missing; run `npm run build` first');
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.rmSync(target, { recursive: true, force: true });
  for (const entry of packagedEntries) {
    const source = path.join(repositoryRoot, entry);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(target, entry), { recursive: true });
  }
  return target;
}

module.exports = { installExtension };
