// Checks that every message in the source has a French translation, that both languages follow their
// punctuation (scripts/punctuation.mjs), and that the generated catalogue (src/i18n/locales/fr.ts) is
// up to date with xliff/fr.xlf. Run by `npm run lint`.
// To add strings: write msg('…', {id: 'area.name'}) in the source, run `npm run i18n`, fill the new
// <target> elements in xliff/fr.xlf, run `npm run i18n` again.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { punctuationProblems } from './punctuation.mjs';

const root = resolve(import.meta.dirname, '..');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'dc-i18n-'));
try {
  cpSync(join(root, 'xliff'), join(tmp, 'xliff'), { recursive: true });
  const checkConfig = {
    ...config,
    tsConfig: join(root, 'tsconfig.json'),
    inputFiles: config.inputFiles.map((glob) => join(root, glob)),
    output: { ...config.output, outputDir: join(tmp, 'out'), localeCodesModule: join(tmp, 'out', 'locale-codes.ts') },
    interchange: { ...config.interchange, xliffDir: join(tmp, 'xliff') },
  };
  const configPath = join(tmp, 'lit-localize.json');
  writeFileSync(configPath, JSON.stringify(checkConfig, null, 2));
  const bin = join(root, 'node_modules', '.bin', 'lit-localize');
  execFileSync(bin, ['extract', '--config', configPath], { stdio: 'pipe' });
  const problems = [];
  for (const locale of config.targetLocales) {
    const xliff = readFileSync(join(tmp, 'xliff', `${locale}.xlf`), 'utf8');
    const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
    for (const [, id, body] of units) {
      if (!/<target>[\s\S]*?<\/target>/.test(body)) problems.push(`${locale}: "${id}" has no translation`);
      // Each language's punctuation (scripts/punctuation.mjs): the English source's and the translation's.
      const [, source = ''] = /<source>([\s\S]*?)<\/source>/.exec(body) ?? [];
      const [, target = ''] = /<target>([\s\S]*?)<\/target>/.exec(body) ?? [];
      for (const p of punctuationProblems(source, config.sourceLocale)) problems.push(`${config.sourceLocale}: "${id}": ${p}`);
      for (const p of punctuationProblems(target, locale)) problems.push(`${locale}: "${id}": ${p}`);
    }
    const committed = readFileSync(join(root, 'xliff', `${locale}.xlf`), 'utf8');
    if (committed !== xliff) problems.push(`${locale}: xliff/${locale}.xlf is not up to date (run npm run i18n)`);
  }
  execFileSync(bin, ['build', '--config', configPath], { stdio: 'pipe' });
  for (const locale of config.targetLocales) {
    const built = readFileSync(join(tmp, 'out', `${locale}.ts`), 'utf8');
    const committed = readFileSync(join(root, config.output.outputDir, `${locale}.ts`), 'utf8');
    if (built !== committed) problems.push(`${locale}: src/i18n/locales/${locale}.ts is not up to date (run npm run i18n)`);
  }
  if (problems.length) {
    console.error(`Translations are incomplete or wrongly punctuated:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`Translations complete for ${config.targetLocales.join(', ')}.`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
