// `npm run studio`: the dev server with the authoring panel. It is `npm run dev` (the same
// Vite config, the same live preview: saving a story or layer file re-applies the open step)
// plus the address of the studio page, `?studio`, which the app opens with its panel.
//   PORT=5173                                              the port (default 5173)
//   STUDIO_STORY=stories/examples/kendall-square/story.yaml  open this story in the studio
// No browser is opened: the machines this runs on are often headless; open the address.
import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_PORT = 5173;

/** The port from `PORT`, or the default; anything else is refused with a message. */
export function studioPort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`PORT must be a port number (1–65535), not "${value}"`);
  return port;
}

/**
 * The `story=` value for a story file given as a path (relative to the working folder or
 * absolute): its path from the project root, with forward slashes. Only stories/ and geo/
 * are served as data with the live preview, so a file elsewhere is refused.
 */
export function storyParam(path: string, projectRoot: string, cwd = process.cwd()): string {
  const file = resolve(cwd, path);
  const rel = relative(projectRoot, file).split(sep).join('/');
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`no story file at ${path}`);
  if (!rel.startsWith('stories/') && !rel.startsWith('geo/'))
    throw new Error(
      `the studio serves stories from stories/ (and layers from geo/); ${rel} is outside them`,
    );
  return rel;
}

/** The studio page on `base` (the server's address ending in "/"), with the story if any. */
export function studioUrl(base: string, story?: string): string {
  // Slashes stay readable in the printed address; URLSearchParams reads them either way.
  const query = story
    ? `?studio&story=${encodeURIComponent(story).replace(/%2F/g, '/')}`
    : '?studio';
  return `${base}${query}`;
}

async function main() {
  const port = studioPort(process.env.PORT);
  const story = process.env.STUDIO_STORY ? storyParam(process.env.STUDIO_STORY, root) : undefined;
  const server = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    // A studio on the wrong port would print an address that is not it: fail instead.
    server: { port, strictPort: true },
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
  console.log(`\n  Studio: ${studioUrl(base, story)}\n`);
  console.log('  Save the story file or a layer and the open page re-applies the step.');
  console.log('  Press Ctrl+C to stop.\n');
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(`studio: ${(err as Error).message}`);
    process.exit(1);
  });
}
