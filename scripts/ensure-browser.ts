// The one step every browser-using script runs first (`npm test`'s e2e stage, `npm run
// kiosk`, `npm run bench`, `npm run shots`, `.ci/run`): find a Chromium that actually runs,
// install one the way this machine allows when there is none, check for Chinese fonts, and
// record the result in node_modules/.cache/zgc-browser.json so every consumer (through
// `chromiumPath()` in chromium-flags.ts) launches the same browser.
//
//   tsx scripts/ensure-browser.ts [--require-fonts] [--dry-run] [--print-path]
//
// Exit codes: 0 a browser is ready; 1 none could be found or installed (or, with
// --require-fonts, no Chinese font); 2 CHROMIUM_PATH is set but unusable.
// ENSURE_BROWSER_DRY_RUN=1 (or --dry-run) prints the install commands instead of running them.
//
// Everything above "the real machine" is a pure core: it reaches the machine only through
// the `System` interface, so the unit tests drive it with fakes. The CLI is at the end.
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunResult {
  /** Exit status; null when the command could not start or was killed. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** Why the command did not start or finish (ENOENT, timeout), if it did not. */
  error?: string;
}

export interface RunOptions {
  timeoutMs?: number;
  env?: Record<string, string>;
}

/** Everything the core needs from the machine. */
export interface System {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** Effective user id; undefined where there is none (Windows). */
  uid: number | undefined;
  homedir: string;
  /** Contents of /etc/os-release, if any. */
  osRelease: string | undefined;
  /** The running node binary and the Playwright CLI script, to run `playwright install`. */
  nodePath: string;
  playwrightCli: string | undefined;
  /** Where PLAYWRIGHT_BROWSERS_PATH=0 puts browsers (playwright-core/.local-browsers). */
  playwrightLocalBrowsers: string | undefined;
  cwd: string;
  isExecutableFile(path: string): boolean;
  /** Entry names of a directory; [] when it is missing or unreadable. */
  listDir(path: string): string[];
  run(command: string, args: readonly string[], options?: RunOptions): RunResult;
}

export type BrowserOrigin = 'CHROMIUM_PATH' | 'PATH' | 'Playwright cache';

export interface Candidate {
  path: string;
  origin: BrowserOrigin;
}

export interface Browser extends Candidate {
  /** What `--version` printed, e.g. "Chromium 156.0.8078.114 built on Debian GNU/Linux 12". */
  version: string;
}

export interface Rejected {
  path: string;
  reason: string;
}

export type FindResult =
  | { kind: 'found'; browser: Browser; rejected: Rejected[] }
  | { kind: 'bad-env'; message: string }
  | { kind: 'missing'; rejected: Rejected[]; looked: string[] };

/** The executable names tried on PATH, in order of preference. */
export const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const VERSION_TIMEOUT_MS = 30_000;
const INSTALL_TIMEOUT_MS = 20 * 60_000;

// ---------------------------------------------------------------- where to look

export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** Where `playwright install` puts browsers, by the same rules as playwright-core. */
export function playwrightBrowsersDir(sys: System): string | undefined {
  const configured = nonEmpty(sys.env.PLAYWRIGHT_BROWSERS_PATH);
  if (configured === '0') return sys.playwrightLocalBrowsers;
  if (configured) return resolve(sys.cwd, configured);
  switch (sys.platform) {
    case 'linux':
      return join(nonEmpty(sys.env.XDG_CACHE_HOME) ?? join(sys.homedir, '.cache'), 'ms-playwright');
    case 'darwin':
      return join(sys.homedir, 'Library', 'Caches', 'ms-playwright');
    case 'win32':
      return join(
        nonEmpty(sys.env.LOCALAPPDATA) ?? join(sys.homedir, 'AppData', 'Local'),
        'ms-playwright',
      );
    default:
      return undefined;
  }
}

// Playwright has renamed the folder inside chromium-<revision> over the years
// (chrome-linux, then chrome-linux64 / chrome-linux-arm64); accept all of them.
const PLAYWRIGHT_EXECUTABLES: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['chrome-linux64/chrome', 'chrome-linux-arm64/chrome', 'chrome-linux/chrome'],
  darwin: [
    'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
  ],
  win32: ['chrome-win64/chrome.exe', 'chrome-win/chrome.exe'],
};

/** Browsers in Playwright's cache, newest revision first. */
export function playwrightCandidates(sys: System): Candidate[] {
  const dir = playwrightBrowsersDir(sys);
  const inside = PLAYWRIGHT_EXECUTABLES[sys.platform];
  if (!dir || !inside) return [];
  const revisions = sys
    .listDir(dir)
    .map((name) => /^chromium-(\d+)$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  return revisions.flatMap((m) =>
    inside.map((rel) => ({ path: join(dir, m[0], rel), origin: 'Playwright cache' as const })),
  );
}

/** `which` for each name in PATH_NAMES, in that order. */
export function pathCandidates(sys: System): Candidate[] {
  const dirs = (sys.env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  const suffixes = sys.platform === 'win32' ? ['.exe', ''] : [''];
  const found: Candidate[] = [];
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      const hit = suffixes
        .map((suffix) => join(dir, name + suffix))
        .find((p) => sys.isExecutableFile(p));
      if (hit) {
        found.push({ path: hit, origin: 'PATH' });
        break;
      }
    }
  }
  return found;
}

export function which(sys: System, name: string): string | undefined {
  const dirs = (sys.env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  return dirs.map((dir) => join(dir, name)).find((p) => sys.isExecutableFile(p));
}

/** A browser is usable when it runs `--version`; a snap shim or a missing library fails it. */
export function probe(sys: System, path: string): { version: string } | { reason: string } {
  if (!sys.isExecutableFile(path)) return { reason: 'not an executable file' };
  const result = sys.run(path, ['--version'], { timeoutMs: VERSION_TIMEOUT_MS });
  const output = `${result.stdout}\n${result.stderr}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  // The name check keeps a CHROMIUM_PATH=/bin/true from passing for a browser.
  if (result.status === 0 && output[0] && /chrom/i.test(output[0])) return { version: output[0] };
  if (result.status === 0) return { reason: `it is not Chromium or Chrome: "${output[0] ?? ''}"` };
  const why = result.error ?? `exit ${String(result.status)}`;
  return { reason: output[0] ? `${why}: ${output[0]}` : why };
}

function describeSearch(sys: System): string[] {
  const cache = playwrightBrowsersDir(sys);
  return [
    `${PATH_NAMES.join(', ')} on PATH`,
    ...(cache ? [`Playwright's browsers in ${cache}`] : []),
  ];
}

/** CHROMIUM_PATH first (and only, when set), then PATH, then Playwright's cache. */
export function findBrowser(sys: System): FindResult {
  const configured = nonEmpty(sys.env.CHROMIUM_PATH);
  if (configured) {
    const result = probe(sys, configured);
    // A set CHROMIUM_PATH is a decision: never fall back to another browser behind it.
    if ('reason' in result) return { kind: 'bad-env', message: badEnvMessage(configured, result) };
    return {
      kind: 'found',
      browser: { path: configured, origin: 'CHROMIUM_PATH', version: result.version },
      rejected: [],
    };
  }
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  for (const candidate of [...pathCandidates(sys), ...playwrightCandidates(sys)]) {
    if (seen.has(candidate.path)) continue;
    seen.add(candidate.path);
    // A missing file in Playwright's cache is an expected miss, not worth reporting.
    if (candidate.origin === 'Playwright cache' && !sys.isExecutableFile(candidate.path)) continue;
    const result = probe(sys, candidate.path);
    if ('version' in result) {
      return { kind: 'found', browser: { ...candidate, version: result.version }, rejected };
    }
    rejected.push({ path: candidate.path, reason: result.reason });
  }
  return { kind: 'missing', rejected, looked: describeSearch(sys) };
}

// ---------------------------------------------------------------- the machine

export type Distro = 'debian' | 'ubuntu' | 'other-linux' | 'not-linux';

/** Ubuntu and its derivatives are told apart from Debian: their apt `chromium` is a snap shim. */
export function distro(sys: System): Distro {
  if (sys.platform !== 'linux') return 'not-linux';
  const fields = new Map<string, string>();
  for (const line of (sys.osRelease ?? '').split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m?.[1] && m[2] !== undefined) fields.set(m[1], m[2].replace(/^["']|["']$/g, ''));
  }
  const ids = [fields.get('ID') ?? '', ...(fields.get('ID_LIKE') ?? '').split(/\s+/)];
  if (ids.includes('ubuntu')) return 'ubuntu';
  if (ids.includes('debian')) return 'debian';
  return 'other-linux';
}

export interface FontCheck {
  ok: boolean;
  detail: string;
}

/** Any font covering Chinese will do: Chromium's fontconfig fallback picks it up. */
export function checkCjkFonts(sys: System): FontCheck {
  if (sys.platform !== 'linux') return { ok: true, detail: 'not checked (system fonts)' };
  const result = sys.run('fc-list', [':lang=zh', 'family'], { timeoutMs: VERSION_TIMEOUT_MS });
  if (result.status !== 0) {
    return { ok: false, detail: 'fc-list did not run (fontconfig is not installed)' };
  }
  const families = result.stdout.split('\n').filter((line) => line.trim() !== '');
  if (families.length === 0) return { ok: false, detail: 'fc-list :lang=zh lists no font' };
  const preferred =
    families.find((f) => /Noto Sans CJK SC/i.test(f)) ??
    families.find((f) => /Noto Sans CJK/i.test(f)) ??
    families[0] ??
    '';
  return { ok: true, detail: preferred.split(',')[0] ?? preferred };
}

// ---------------------------------------------------------------- installing

export interface Command {
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** How a person would type it, for logs and messages. */
  display: string;
}

export interface InstallStep {
  provides: { browser: boolean; fonts: boolean };
  commands: Command[];
}

const APT_ENV = { DEBIAN_FRONTEND: 'noninteractive' };

function aptStep(packages: string[], provides: InstallStep['provides']): InstallStep {
  return {
    provides,
    commands: [
      { command: 'apt-get', args: ['update', '-q'], env: APT_ENV, display: 'apt-get update' },
      {
        command: 'apt-get',
        args: ['install', '-y', '-q', ...packages],
        env: APT_ENV,
        display: `apt-get install -y ${packages.join(' ')}`,
      },
    ],
  };
}

function playwrightStep(sys: System, withDeps: boolean): InstallStep {
  const args = ['install', ...(withDeps ? ['--with-deps'] : []), 'chromium'];
  return {
    provides: { browser: true, fonts: false },
    commands: [
      {
        // The local CLI, not `npx`, so npx can never go to the registry for it.
        command: sys.playwrightCli ? sys.nodePath : 'npx',
        args: sys.playwrightCli ? [sys.playwrightCli, ...args] : ['playwright', ...args],
        display: `npx playwright ${args.join(' ')}`,
      },
    ],
  };
}

export function isRoot(sys: System): boolean {
  return sys.uid === 0;
}

/** What to try, in order, to get what is missing. Never asks for a password (no sudo). */
export function planInstall(
  sys: System,
  need: { browser: boolean; fonts: boolean },
): InstallStep[] {
  const steps: InstallStep[] = [];
  const kind = distro(sys);
  const apt = isRoot(sys) && (kind === 'debian' || kind === 'ubuntu') && !!which(sys, 'apt-get');
  if (kind === 'debian' && apt && (need.browser || need.fonts)) {
    const packages = [
      ...(need.browser ? ['chromium'] : []),
      ...(need.fonts ? ['fonts-noto-cjk'] : []),
    ];
    steps.push(aptStep(packages, need));
  } else if (kind === 'ubuntu' && apt && need.fonts) {
    steps.push(aptStep(['fonts-noto-cjk'], { browser: false, fonts: true }));
  }
  // Playwright's own build: the only browser Ubuntu's apt gives without snapd, the fallback
  // when apt fails, and the only way without root. `--with-deps` needs root and apt.
  if (need.browser) steps.push(playwrightStep(sys, apt));
  return steps;
}

// ---------------------------------------------------------------- messages

export function badEnvMessage(path: string, result: { reason: string }): string {
  return [
    `ensure-browser: CHROMIUM_PATH is set to ${path}, but that browser does not run (${result.reason}).`,
    'Point CHROMIUM_PATH at the full path of a Chromium or Chrome executable, e.g.',
    '  CHROMIUM_PATH=/usr/bin/chromium npm test',
    'or unset it to let this step find or install one.',
  ].join('\n');
}

export interface Attempt {
  display: string;
  /** "ran", "dry run, not run", or why it failed in one line. */
  outcome: string;
  /** Everything the command printed, for the install log. */
  output?: string;
}

// Installers print pages (and Playwright a stack trace) when they fail: keep the line that
// says why, e.g. apt's "E: Unable to locate package" or "Error: getaddrinfo ENOTFOUND".
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

export function failureSummary(result: RunResult): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .replace(ANSI_COLOUR, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const why = lines.find((line) => /^(E|Error):/.test(line)) ?? lines[lines.length - 1];
  const status = result.error ?? `exit ${String(result.status)}`;
  return why ? `${status}: ${why.slice(0, 200)}` : status;
}

export function noBrowserMessage(
  sys: System,
  search: { rejected: Rejected[]; looked: string[] },
  attempts: Attempt[],
): string {
  const kind = distro(sys);
  const lines = ['ensure-browser: no usable Chromium was found, and none could be installed.'];
  lines.push(`Looked at: CHROMIUM_PATH (unset); ${search.looked.join('; ')}.`);
  for (const r of search.rejected) lines.push(`Found but does not run: ${r.path} (${r.reason}).`);
  if (attempts.length > 0) {
    lines.push(`Tried: ${attempts.map((a) => `${a.display} (${a.outcome})`).join('; ')}.`);
  }
  lines.push('To fix it, install one and run this again:');
  const download = '`npx playwright install chromium` (downloads from cdn.playwright.dev)';
  if (kind === 'debian') {
    lines.push(
      isRoot(sys)
        ? '  `apt-get install chromium fonts-noto-cjk` (check the apt sources and the network), or'
        : "  as root: `sudo apt-get install chromium fonts-noto-cjk` (Debian's Chromium), or",
    );
    lines.push(`  ${download}`);
  } else if (kind === 'ubuntu') {
    lines.push(
      "  Ubuntu's apt `chromium` / `chromium-browser` is only a shim for the snap; use",
      `  ${download},`,
      '  then as root `npx playwright install-deps chromium` for its libraries, and',
      '  `apt-get install fonts-noto-cjk` for Chinese text; or install Google Chrome',
      '  (google-chrome-stable .deb from google.com/chrome), or `snap install chromium`',
    );
  } else {
    lines.push(`  ${download}, or your system's Chromium or Google Chrome package`);
  }
  lines.push(
    'Or point CHROMIUM_PATH at a Chromium or Chrome you already have:',
    '  CHROMIUM_PATH=/path/to/chrome npm test',
  );
  return lines.join('\n');
}

export function fontsMessage(sys: System, fonts: FontCheck, required: boolean): string {
  const how =
    distro(sys) === 'debian' || distro(sys) === 'ubuntu'
      ? `${isRoot(sys) ? '' : 'sudo '}apt-get install fonts-noto-cjk`
      : 'install a Chinese font such as Noto Sans CJK (fonts-noto-cjk / google-noto-sans-cjk-fonts)';
  return [
    `ensure-browser: ${required ? 'error' : 'warning'}: no Chinese (CJK) font found (${fonts.detail});`,
    `  Chinese text in screenshots would be drawn as empty boxes. Fix: ${how}.`,
  ].join('\n');
}

// ---------------------------------------------------------------- the whole step

export interface EnsureOptions {
  /** Missing Chinese fonts fail the step (the screenshot script) instead of warning. */
  requireFonts?: boolean;
  /** Print the install commands instead of running them. */
  dryRun?: boolean;
  log?: (line: string) => void;
}

export interface EnsureResult {
  exitCode: 0 | 1 | 2;
  browser?: Browser;
  fonts: FontCheck;
  /** The one message to show when exitCode is not 0; warnings are logged as they happen. */
  message?: string;
  /** The install commands that were run, with their output. */
  attempts: Attempt[];
}

function runStep(
  sys: System,
  step: InstallStep,
  dryRun: boolean,
  log: (line: string) => void,
): Attempt[] {
  const attempts: Attempt[] = [];
  for (const c of step.commands) {
    if (dryRun) {
      log(`ensure-browser: dry run, would run: ${c.display}`);
      attempts.push({ display: c.display, outcome: 'dry run, not run' });
      continue;
    }
    log(`ensure-browser: running ${c.display} (this can take minutes)`);
    const result = sys.run(c.command, c.args, {
      timeoutMs: INSTALL_TIMEOUT_MS,
      ...(c.env ? { env: c.env } : {}),
    });
    const failed = result.status !== 0;
    attempts.push({
      display: c.display,
      outcome: failed ? failureSummary(result) : 'ran',
      output: `$ ${c.display}\n${result.stdout}${result.stderr}`,
    });
    // The rest of a step depends on this command (install after update).
    if (failed) break;
  }
  return attempts;
}

export function ensureBrowser(sys: System, options: EnsureOptions = {}): EnsureResult {
  const log = options.log ?? (() => {});
  let search = findBrowser(sys);
  let fonts = checkCjkFonts(sys);
  if (search.kind === 'bad-env') {
    return { exitCode: 2, fonts, message: search.message, attempts: [] };
  }

  const attempts: Attempt[] = [];
  const plan = planInstall(sys, { browser: search.kind === 'missing', fonts: !fonts.ok });
  for (const step of plan) {
    const stillNeeded =
      (step.provides.browser && search.kind === 'missing') || (step.provides.fonts && !fonts.ok);
    if (!stillNeeded) continue;
    attempts.push(...runStep(sys, step, options.dryRun ?? false, log));
    if (search.kind === 'missing') search = findBrowser(sys);
    fonts = checkCjkFonts(sys);
  }

  if (search.kind === 'bad-env') return { exitCode: 2, fonts, message: search.message, attempts };
  if (search.kind === 'missing') {
    return { exitCode: 1, fonts, message: noBrowserMessage(sys, search, attempts), attempts };
  }
  if (!fonts.ok) {
    const message = fontsMessage(sys, fonts, options.requireFonts ?? false);
    if (options.requireFonts)
      return { exitCode: 1, browser: search.browser, fonts, message, attempts };
    log(message);
  }
  return { exitCode: 0, browser: search.browser, fonts, attempts };
}

// ---------------------------------------------------------------- the record

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RECORD_PATH = join(REPO_ROOT, 'node_modules', '.cache', 'zgc-browser.json');
export const INSTALL_LOG_PATH = join(
  REPO_ROOT,
  'node_modules',
  '.cache',
  'zgc-browser-install.log',
);

export interface BrowserRecord {
  path: string;
  version: string;
  origin: BrowserOrigin;
  cjkFont: string | null;
  checkedAt: string;
}

export function readRecord(): BrowserRecord | undefined {
  try {
    const data: unknown = JSON.parse(readFileSync(RECORD_PATH, 'utf8'));
    if (data && typeof data === 'object' && typeof (data as BrowserRecord).path === 'string') {
      return data as BrowserRecord;
    }
  } catch {
    // no record yet, or a broken one: the caller searches instead
  }
  return undefined;
}

// ---------------------------------------------------------------- the real machine

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function realSystem(): System {
  const cli = join(REPO_ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
  const localBrowsers = join(REPO_ROOT, 'node_modules', 'playwright-core', '.local-browsers');
  return {
    env: process.env,
    platform: process.platform,
    uid: process.getuid?.(),
    homedir: homedir(),
    osRelease: existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : undefined,
    nodePath: process.execPath,
    playwrightCli: existsSync(cli) ? cli : undefined,
    playwrightLocalBrowsers: localBrowsers,
    cwd: process.cwd(),
    isExecutableFile,
    listDir(path) {
      try {
        return readdirSync(path);
      } catch {
        return [];
      }
    },
    run(command, args, options = {}) {
      const result = spawnSync(command, args, {
        encoding: 'utf8',
        timeout: options.timeoutMs,
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
        // apt-get install prints megabytes; past maxBuffer node would kill it half-way.
        maxBuffer: 256 * 1024 * 1024,
      });
      const error = result.error as NodeJS.ErrnoException | undefined;
      return {
        status: result.status,
        stdout: result.stdout ?? '',
        stderr: result.stderr ?? '',
        ...(error
          ? { error: error.code === 'ETIMEDOUT' ? 'timed out' : (error.code ?? error.message) }
          : {}),
      };
    },
  };
}

// ---------------------------------------------------------------- CLI

// The record and the log are conveniences: a read-only checkout must not turn a found
// browser into a failure, so a write that fails is only a warning.
function tryToWrite(path: string, content: string | undefined, log: (line: string) => void) {
  try {
    if (content === undefined) {
      rmSync(path, { force: true });
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    return true;
  } catch (error) {
    log(`ensure-browser: warning: could not update ${path} (${(error as Error).message})`);
    return false;
  }
}

function main(argv: string[]): number {
  const flags = new Set(argv);
  const log = (line: string) => console.error(line);
  const result = ensureBrowser(realSystem(), {
    requireFonts: flags.has('--require-fonts'),
    dryRun: flags.has('--dry-run') || nonEmpty(process.env.ENSURE_BROWSER_DRY_RUN) !== undefined,
    log,
  });
  const ran = result.attempts.filter((a) => a.output !== undefined);
  const logged =
    ran.length > 0 && tryToWrite(INSTALL_LOG_PATH, ran.map((a) => a.output).join('\n'), log);
  if (result.exitCode !== 0 || !result.browser) {
    // A stale record must not outlive the browser it named.
    tryToWrite(RECORD_PATH, undefined, log);
    log(result.message ?? 'ensure-browser: no browser');
    if (logged) log(`The installers' full output is in ${INSTALL_LOG_PATH}.`);
    return result.exitCode || 1;
  }
  const { browser, fonts } = result;
  const record: BrowserRecord = {
    path: browser.path,
    version: browser.version,
    origin: browser.origin,
    cjkFont: fonts.ok ? fonts.detail : null,
    checkedAt: new Date().toISOString(),
  };
  tryToWrite(RECORD_PATH, `${JSON.stringify(record, null, 2)}\n`, log);
  log(
    `ensure-browser: ${browser.version} at ${browser.path} (${browser.origin}); Chinese font: ${fonts.ok ? fonts.detail : 'none'}`,
  );
  if (flags.has('--print-path')) console.log(browser.path);
  return 0;
}

function invokedAsScript(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(resolve(script)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedAsScript()) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    // One line, no stack: whatever went wrong here is about the machine, not the code.
    console.error(`ensure-browser: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
