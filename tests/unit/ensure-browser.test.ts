import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  distro,
  ensureBrowser,
  failureSummary,
  findBrowser,
  planInstall,
  playwrightBrowsersDir,
  playwrightCandidates,
  type RunOptions,
  type RunResult,
  type System,
} from '../../scripts/ensure-browser';
import { chromiumPath } from '../../scripts/chromium-flags';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';
const CHROMIUM_VERSION = 'Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)';
const SNAP_SHIM = "Command '/usr/bin/chromium-browser' requires the chromium snap to be installed.";
const CJK_FONTS = 'Noto Sans CJK JP,Noto Sans CJK JP Regular\nNoto Sans CJK SC,Noto Sans CJK SC\n';

/** What `--version` does for an executable in the fake file system. */
type Behaviour = { version: string } | { fail: string };

interface Call {
  command: string;
  args: readonly string[];
  options: RunOptions | undefined;
}

/** A machine: executables, what commands print, and what installs put on disk. */
class FakeMachine implements System {
  env: Record<string, string | undefined> = { PATH: '/usr/local/bin:/usr/bin:/bin' };
  platform: NodeJS.Platform = 'linux';
  uid: number | undefined = 0;
  homedir = '/root';
  osRelease: string | undefined = DEBIAN;
  nodePath = '/usr/bin/node';
  playwrightCli: string | undefined = '/repo/node_modules/@playwright/test/cli.js';
  playwrightLocalBrowsers = '/repo/node_modules/playwright-core/.local-browsers';
  cwd = '/repo';
  executables = new Map<string, Behaviour>([['/usr/bin/apt-get', { version: 'apt 2.6.1' }]]);
  fonts = CJK_FONTS;
  calls: Call[] = [];
  /** Install commands, by the display-ish key "command arg0 arg1": what they do. */
  installs = new Map<string, () => RunResult>();

  isExecutableFile = (path: string) => this.executables.has(path);

  listDir = (dir: string) => {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const names = new Set<string>();
    for (const path of this.executables.keys()) {
      if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0] ?? '');
    }
    return [...names];
  };

  run = (command: string, args: readonly string[], options?: RunOptions): RunResult => {
    this.calls.push({ command, args, options });
    if (command === 'fc-list') {
      return this.executables.has('/usr/bin/fc-list')
        ? { status: 0, stdout: this.fonts, stderr: '' }
        : { status: null, stdout: '', stderr: '', error: 'ENOENT' };
    }
    const install = this.installs.get([command, ...args].join(' '));
    if (install) return install();
    const behaviour = this.executables.get(command);
    if (behaviour && args[0] === '--version') {
      return 'version' in behaviour
        ? { status: 0, stdout: `${behaviour.version}\n`, stderr: '' }
        : { status: 1, stdout: '', stderr: `${behaviour.fail}\n` };
    }
    return { status: null, stdout: '', stderr: '', error: 'ENOENT' };
  };

  withChromium(path = '/usr/bin/chromium') {
    this.executables.set(path, { version: CHROMIUM_VERSION });
    return this;
  }

  withFontconfig() {
    this.executables.set('/usr/bin/fc-list', { version: 'fontconfig version 2.14.1' });
    return this;
  }

  /** Commands other than `--version` probes and font checks, i.e. the installs. */
  installCalls() {
    return this.calls
      .filter((c) => c.command !== 'fc-list' && c.args[0] !== '--version')
      .map((c) => [c.command, ...c.args].join(' '));
  }
}

const ok = (): RunResult => ({ status: 0, stdout: 'done\n', stderr: '' });
const PLAYWRIGHT_INSTALL =
  '/usr/bin/node /repo/node_modules/@playwright/test/cli.js install chromium';
const PLAYWRIGHT_INSTALL_WITH_DEPS =
  '/usr/bin/node /repo/node_modules/@playwright/test/cli.js install --with-deps chromium';
const OFFLINE_DOWNLOAD: RunResult = {
  status: 1,
  stdout: 'Downloading Chrome for Testing 159.0.8154.6\n',
  stderr: [
    'Error: getaddrinfo ENOTFOUND cdn.playwright.dev',
    '    at GetAddrInfoReqWrap.onlookupall (node:internal/dns/promises:99:17)',
    'Failed to install browsers',
  ].join('\n'),
};

describe('findBrowser: where it looks, in which order', () => {
  it('uses CHROMIUM_PATH when it runs, before anything on PATH', () => {
    const sys = new FakeMachine().withChromium().withChromium('/opt/chrome/chrome');
    sys.env.CHROMIUM_PATH = '/opt/chrome/chrome';
    const found = findBrowser(sys);
    expect(found).toMatchObject({
      kind: 'found',
      browser: { path: '/opt/chrome/chrome', origin: 'CHROMIUM_PATH', version: CHROMIUM_VERSION },
    });
  });

  it('stops on a CHROMIUM_PATH that does not run instead of picking another browser', () => {
    const sys = new FakeMachine().withChromium();
    sys.env.CHROMIUM_PATH = '/opt/missing/chrome';
    const found = findBrowser(sys);
    expect(found.kind).toBe('bad-env');
    if (found.kind !== 'bad-env') return;
    expect(found.message).toContain('CHROMIUM_PATH is set to /opt/missing/chrome');
    expect(found.message).toContain('not an executable file');
    expect(found.message).not.toContain('/usr/bin/chromium at');
  });

  it('treats an empty CHROMIUM_PATH as unset', () => {
    const sys = new FakeMachine().withChromium();
    sys.env.CHROMIUM_PATH = '';
    expect(findBrowser(sys)).toMatchObject({ kind: 'found', browser: { origin: 'PATH' } });
  });

  it('prefers the name order (chromium first), then the PATH order', () => {
    const sys = new FakeMachine()
      .withChromium('/usr/local/bin/google-chrome')
      .withChromium('/usr/bin/chromium')
      .withChromium('/bin/chromium');
    expect(findBrowser(sys)).toMatchObject({ browser: { path: '/usr/bin/chromium' } });
    sys.env.PATH = '/bin:/usr/bin';
    expect(findBrowser(sys)).toMatchObject({ browser: { path: '/bin/chromium' } });
  });

  it('skips a snap shim that does not run --version, and says why', () => {
    const sys = new FakeMachine().withChromium('/usr/bin/google-chrome-stable');
    sys.executables.set('/usr/bin/chromium-browser', { fail: SNAP_SHIM });
    const found = findBrowser(sys);
    expect(found).toMatchObject({
      kind: 'found',
      browser: { path: '/usr/bin/google-chrome-stable' },
      rejected: [{ path: '/usr/bin/chromium-browser', reason: `exit 1: ${SNAP_SHIM}` }],
    });
  });

  it("falls back to Playwright's cache, newest revision first, old layouts too", () => {
    const sys = new FakeMachine()
      .withChromium('/root/.cache/ms-playwright/chromium-1091/chrome-linux/chrome')
      .withChromium('/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome');
    sys.executables.set('/root/.cache/ms-playwright/ffmpeg-1013/ffmpeg-linux', { version: 'x' });
    expect(findBrowser(sys)).toMatchObject({
      kind: 'found',
      browser: {
        path: '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome',
        origin: 'Playwright cache',
      },
    });
  });

  it('reports every place it looked when nothing is there', () => {
    const sys = new FakeMachine();
    const found = findBrowser(sys);
    expect(found).toMatchObject({
      kind: 'missing',
      rejected: [],
      looked: [
        'chromium, chromium-browser, google-chrome, google-chrome-stable on PATH',
        "Playwright's browsers in /root/.cache/ms-playwright",
      ],
    });
  });
});

describe("Playwright's browser folder", () => {
  it('follows XDG_CACHE_HOME and PLAYWRIGHT_BROWSERS_PATH like playwright-core', () => {
    const sys = new FakeMachine();
    expect(playwrightBrowsersDir(sys)).toBe('/root/.cache/ms-playwright');
    sys.env.XDG_CACHE_HOME = '/var/cache/me';
    expect(playwrightBrowsersDir(sys)).toBe('/var/cache/me/ms-playwright');
    sys.env.PLAYWRIGHT_BROWSERS_PATH = '/srv/browsers';
    expect(playwrightBrowsersDir(sys)).toBe('/srv/browsers');
    sys.env.PLAYWRIGHT_BROWSERS_PATH = 'pw-browsers';
    expect(playwrightBrowsersDir(sys)).toBe('/repo/pw-browsers');
    sys.env.PLAYWRIGHT_BROWSERS_PATH = '0';
    expect(playwrightBrowsersDir(sys)).toBe('/repo/node_modules/playwright-core/.local-browsers');
  });

  it('knows the macOS layout', () => {
    const sys = new FakeMachine();
    sys.platform = 'darwin';
    sys.homedir = '/Users/ann';
    const app = 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
    sys.executables.set(
      `/Users/ann/Library/Caches/ms-playwright/chromium-1255/chrome-mac-arm64/${app}`,
      {
        version: 'Google Chrome for Testing 159.0.8154.6',
      },
    );
    expect(playwrightCandidates(sys).map((c) => c.path)).toContain(
      `/Users/ann/Library/Caches/ms-playwright/chromium-1255/chrome-mac-arm64/${app}`,
    );
    expect(findBrowser(sys)).toMatchObject({
      kind: 'found',
      browser: { origin: 'Playwright cache' },
    });
  });
});

describe('distro', () => {
  it('tells Ubuntu and its derivatives from Debian', () => {
    const sys = new FakeMachine();
    const of = (osRelease: string | undefined) => distro({ ...sys, osRelease });
    expect(of(DEBIAN)).toBe('debian');
    expect(of(UBUNTU)).toBe('ubuntu');
    expect(of(MINT)).toBe('ubuntu');
    expect(of('ID=raspbian\nID_LIKE=debian\n')).toBe('debian');
    expect(of(FEDORA)).toBe('other-linux');
    expect(of(undefined)).toBe('other-linux');
    expect(distro({ ...sys, platform: 'darwin' })).toBe('not-linux');
  });
});

describe('planInstall: what to try on which machine', () => {
  const displays = (sys: System, need = { browser: true, fonts: true }) =>
    planInstall(sys, need).flatMap((step) => step.commands.map((c) => c.display));

  it('Debian as root: apt-get chromium and the fonts, then Playwright with its libraries', () => {
    expect(displays(new FakeMachine())).toEqual([
      'apt-get update',
      'apt-get install -y chromium fonts-noto-cjk',
      'npx playwright install --with-deps chromium',
    ]);
    const apt = planInstall(new FakeMachine(), { browser: true, fonts: false })[0];
    expect(apt?.commands[1]?.args).toEqual(['install', '-y', '-q', 'chromium']);
    expect(apt?.commands[1]?.env).toEqual({ DEBIAN_FRONTEND: 'noninteractive' });
  });

  it('Debian as root with only the fonts missing: apt-get the fonts only', () => {
    expect(displays(new FakeMachine(), { browser: false, fonts: true })).toEqual([
      'apt-get update',
      'apt-get install -y fonts-noto-cjk',
    ]);
  });

  it('Ubuntu as root: never the snap shim; fonts from apt, the browser from Playwright', () => {
    const sys = new FakeMachine();
    sys.osRelease = UBUNTU;
    expect(displays(sys)).toEqual([
      'apt-get update',
      'apt-get install -y fonts-noto-cjk',
      'npx playwright install --with-deps chromium',
    ]);
    expect(displays(sys, { browser: true, fonts: false })).toEqual([
      'npx playwright install --with-deps chromium',
    ]);
  });

  it('without root (or without apt-get) only the download, and never sudo', () => {
    const user = new FakeMachine();
    user.uid = 1000;
    expect(displays(user)).toEqual(['npx playwright install chromium']);
    const noApt = new FakeMachine();
    noApt.executables.delete('/usr/bin/apt-get');
    expect(displays(noApt)).toEqual(['npx playwright install chromium']);
    const fedora = new FakeMachine();
    fedora.osRelease = FEDORA;
    expect(displays(fedora)).toEqual(['npx playwright install chromium']);
    for (const sys of [user, noApt, fedora]) {
      expect(displays(sys).join(' ')).not.toContain('sudo');
    }
  });

  it('runs the local Playwright CLI with node, so npx never fetches it', () => {
    const sys = new FakeMachine();
    sys.uid = 1000;
    const [command] = planInstall(sys, { browser: true, fonts: false })[0]?.commands ?? [];
    expect(command).toMatchObject({
      command: '/usr/bin/node',
      args: ['/repo/node_modules/@playwright/test/cli.js', 'install', 'chromium'],
    });
    sys.playwrightCli = undefined;
    const [fallback] = planInstall(sys, { browser: true, fonts: false })[0]?.commands ?? [];
    expect(fallback).toMatchObject({ command: 'npx', args: ['playwright', 'install', 'chromium'] });
  });
});

describe('ensureBrowser: the whole step', () => {
  it('does nothing but record when a browser and a Chinese font are there', () => {
    const sys = new FakeMachine().withChromium().withFontconfig();
    const result = ensureBrowser(sys);
    expect(result).toMatchObject({
      exitCode: 0,
      browser: { path: '/usr/bin/chromium' },
      fonts: { ok: true, detail: 'Noto Sans CJK SC' },
    });
    expect(sys.installCalls()).toEqual([]);
  });

  it('on Debian as root installs chromium and fonts with apt-get and stops there', () => {
    const sys = new FakeMachine();
    sys.installs.set('apt-get update -q', ok);
    sys.installs.set('apt-get install -y -q chromium fonts-noto-cjk', () => {
      sys.withChromium().withFontconfig();
      return ok();
    });
    const result = ensureBrowser(sys);
    expect(result).toMatchObject({ exitCode: 0, browser: { path: '/usr/bin/chromium' } });
    expect(result.fonts.ok).toBe(true);
    expect(sys.installCalls()).toEqual([
      'apt-get update -q',
      'apt-get install -y -q chromium fonts-noto-cjk',
    ]);
  });

  it('falls back to the download when apt-get fails', () => {
    const sys = new FakeMachine().withFontconfig();
    sys.installs.set('apt-get update -q', () => ({
      status: 100,
      stdout: 'Reading package lists...\n',
      stderr: 'E: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease\n',
    }));
    sys.installs.set(PLAYWRIGHT_INSTALL_WITH_DEPS, () => {
      sys.withChromium('/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome');
      return ok();
    });
    const result = ensureBrowser(sys);
    expect(result).toMatchObject({ exitCode: 0, browser: { origin: 'Playwright cache' } });
    // install was never attempted after update failed
    expect(sys.installCalls()).toEqual(['apt-get update -q', PLAYWRIGHT_INSTALL_WITH_DEPS]);
  });

  it('ends with one message, no stack trace, when nothing works (non-root, offline)', () => {
    const sys = new FakeMachine().withFontconfig();
    sys.uid = 1000;
    sys.installs.set(PLAYWRIGHT_INSTALL, () => OFFLINE_DOWNLOAD);
    const result = ensureBrowser(sys);
    expect(result.exitCode).toBe(1);
    const message = result.message ?? '';
    expect(message).toContain('no usable Chromium was found');
    expect(message).toContain(
      'Tried: npx playwright install chromium (exit 1: Error: getaddrinfo ENOTFOUND cdn.playwright.dev)',
    );
    expect(message).toContain('sudo apt-get install chromium fonts-noto-cjk');
    expect(message).toContain('CHROMIUM_PATH=/path/to/chrome npm test');
    expect(message).not.toMatch(/^\s+at /m);
    // the full output is kept for the log, not the message
    expect(result.attempts[0]?.output).toContain('GetAddrInfoReqWrap');
  });

  it('on Ubuntu says why apt is not the answer', () => {
    const sys = new FakeMachine().withFontconfig();
    sys.osRelease = UBUNTU;
    sys.uid = 1000;
    sys.executables.set('/usr/bin/chromium-browser', { fail: SNAP_SHIM });
    sys.installs.set(PLAYWRIGHT_INSTALL, () => OFFLINE_DOWNLOAD);
    const message = ensureBrowser(sys).message ?? '';
    expect(message).toContain(
      `Found but does not run: /usr/bin/chromium-browser (exit 1: ${SNAP_SHIM})`,
    );
    expect(message).toContain('only a shim for the snap');
    expect(message).toContain('npx playwright install chromium');
  });

  it('runs no install command in a dry run, but names each one', () => {
    const sys = new FakeMachine();
    const lines: string[] = [];
    const result = ensureBrowser(sys, { dryRun: true, log: (l) => lines.push(l) });
    expect(sys.installCalls()).toEqual([]);
    expect(lines).toEqual([
      'ensure-browser: dry run, would run: apt-get update',
      'ensure-browser: dry run, would run: apt-get install -y chromium fonts-noto-cjk',
      'ensure-browser: dry run, would run: npx playwright install --with-deps chromium',
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.message).toContain('apt-get update (dry run, not run)');
  });

  it('warns about missing Chinese fonts, and fails on them only when asked', () => {
    const sys = new FakeMachine().withChromium().withFontconfig();
    sys.uid = 1000;
    sys.fonts = '';
    const warnings: string[] = [];
    const relaxed = ensureBrowser(sys, { log: (l) => warnings.push(l) });
    expect(relaxed.exitCode).toBe(0);
    expect(warnings.join('\n')).toContain('warning: no Chinese (CJK) font found');
    expect(warnings.join('\n')).toContain('sudo apt-get install fonts-noto-cjk');
    const strict = ensureBrowser(sys, { requireFonts: true });
    expect(strict.exitCode).toBe(1);
    expect(strict.message).toContain('error: no Chinese (CJK) font found');
    expect(sys.installCalls()).toEqual([]);
  });

  it('installs only the fonts as root on Debian when the browser is there', () => {
    const sys = new FakeMachine().withChromium().withFontconfig();
    sys.fonts = '';
    sys.installs.set('apt-get update -q', ok);
    sys.installs.set('apt-get install -y -q fonts-noto-cjk', () => {
      sys.fonts = CJK_FONTS;
      return ok();
    });
    const result = ensureBrowser(sys, { requireFonts: true });
    expect(result).toMatchObject({ exitCode: 0, fonts: { ok: true } });
    expect(sys.installCalls()).toEqual([
      'apt-get update -q',
      'apt-get install -y -q fonts-noto-cjk',
    ]);
  });

  it('returns exit code 2 for a bad CHROMIUM_PATH without installing anything', () => {
    const sys = new FakeMachine();
    sys.env.CHROMIUM_PATH = '/nope/chrome';
    const result = ensureBrowser(sys);
    expect(result.exitCode).toBe(2);
    expect(sys.installCalls()).toEqual([]);
  });

  it('does not look for fontconfig outside Linux', () => {
    const sys = new FakeMachine().withChromium();
    sys.platform = 'darwin';
    expect(ensureBrowser(sys)).toMatchObject({ exitCode: 0, fonts: { ok: true } });
    expect(sys.calls.some((c) => c.command === 'fc-list')).toBe(false);
  });
});

describe('failureSummary', () => {
  it("keeps apt's E: line and drops colours", () => {
    expect(
      failureSummary({
        status: 100,
        stdout: 'Reading package lists...\n',
        stderr: '\u001b[31mE: Unable to locate package chromium\u001b[0m\n',
      }),
    ).toBe('exit 100: E: Unable to locate package chromium');
    expect(failureSummary({ status: null, stdout: '', stderr: '', error: 'timed out' })).toBe(
      'timed out',
    );
  });
});

describe('chromiumPath', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('CHROMIUM_PATH wins over the record and the search', () => {
    vi.stubEnv('CHROMIUM_PATH', '/opt/my/chrome');
    expect(chromiumPath()).toBe('/opt/my/chrome');
  });
});
