// Figures for the technician's view, as short readable text. Pure; times are local, as the
// clock on the exhibition's wall.
import type { WorkerStatus } from './sw-link';

/** `3 d 04:12:09`, `04:12:09` */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hms = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days ? `${days} d ${hms}` : hms;
}

/** `912 B`, `48.2 KB`, `3.41 MB` (1 KB = 1024 B, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** `14:03:12` today, `12-01 14:03` another day. */
export function formatTime(t: number, now: number): string {
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return new Date(now).toDateString() === d.toDateString()
    ? `${time}:${pad(d.getSeconds())}`
    : `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

/** What the service worker means for this kiosk, in one line. */
export function describeWorker(w: WorkerStatus): string {
  if (w.state === 'unsupported') return 'no service worker in this browser: needs the server';
  if (w.state === 'off') return 'not registered: needs the server';
  if (w.state === 'failed') return `registration failed: ${w.error ?? 'unknown error'}`;
  if (w.state === 'registering') return 'registering…';
  const parts = [
    w.controlled ? 'serving this page: starts offline' : 'installed, not yet in control',
  ];
  if (w.installing) parts.push('downloading a new version');
  if (w.waiting) parts.push('new version waiting for the next reset');
  if (w.failedUpdates) parts.push(`${w.failedUpdates} failed update(s), old version kept`);
  return parts.join('; ');
}
