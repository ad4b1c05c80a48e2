/** @jest-environment node */
/**
 * Every environment variable the server, the cloud functions and the scripts read is in the README. Reads are found as
 * `process.env.X`, `env.X` (an injected `process.env`), `process.env['X']` and `jsonEnv('X')`; a file that
 * reads by a computed name (`env[name]`) has every upper-case string literal in it counted as a variable.
 */
import * as fs from 'fs'
import * as path from 'path'

const root = path.resolve(__dirname, '../../..')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx|js|mjs|sh)$/.test(entry.name) ? [full] : []
  })
}

function variablesRead(source: string): Set<string> {
  const names = new Set<string>()
  const direct = /\b(?:process\.env|env)(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\])/g
  for (const m of source.matchAll(direct)) names.add(m[1] ?? m[2])
  for (const m of source.matchAll(/\bjsonEnv\(\s*['"]([A-Z][A-Z0-9_]*)['"]/g)) names.add(m[1])
  if (/\b(?:process\.env|env)\[\s*[a-z]/.test(source)) {
    for (const m of source.matchAll(/['"]([A-Z][A-Z0-9]*_[A-Z0-9_]+|PORT)['"]/g)) names.add(m[1])
  }
  return names
}

/** A shell script's `${NAME:-default}` / `${NAME}` reads (its own lower-case variables aside). */
function shellVariablesRead(source: string): Set<string> {
  return new Set([...source.matchAll(/\$\{([A-Z][A-Z0-9_]*)(?::-[^}]*)?\}/g)].map((m) => m[1]))
}

const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
const read = new Map<string, string[]>()
for (const dir of ['src/server', 'src/cloud', 'scripts']) {
  for (const file of sourceFiles(path.join(root, dir))) {
    const source = fs.readFileSync(file, 'utf8')
    for (const name of file.endsWith('.sh') ? shellVariablesRead(source) : variablesRead(source)) {
      read.set(name, [...(read.get(name) ?? []), path.relative(root, file)])
    }
  }
}

it('finds the variables it should (the grep itself works)', () => {
  expect([...read.keys()]).toEqual(
    expect.arrayContaining([
      'PORT',
      'BEIAN_MODE',
      'BEIAN_DATA_KEY',
      'BEIAN_DATA_KEYS_OLD',
      'BEIAN_MINIPROGRAM_STATE',
      'TT_TEMPLATE_IDS',
      'TT_SECRET',
      'CI',
      'DATABASE_URL',
      'PGPORT_THROWAWAY'
    ])
  )
  expect([...variablesRead("const a = process.env.NEW_ONE; jsonEnv('OTHER_ONE'); env['THIRD']")]).toEqual([
    'NEW_ONE',
    'THIRD',
    'OTHER_ONE'
  ])
})

it.each([...read.entries()].map(([name, files]) => [name, files.join(', ')]))(
  'the README documents %s (read in %s)',
  (name) => {
    expect(readme).toMatch(new RegExp('`' + name + '`'))
  }
)
