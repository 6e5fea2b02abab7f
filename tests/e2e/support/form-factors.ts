// The screens the app is composed for: the layout tests and `npm run shots` use the same.

export interface FormFactor {
  name: string;
  width: number;
  height: number;
  mode: 'story' | 'kiosk';
  /** Device pixels per CSS pixel (a 4K kiosk is the 1080p layout at 2x). */
  scale: number;
  /** Most of the screen's height the timeline may take. */
  timelineShare: number;
}

export const FORM_FACTORS: FormFactor[] = [
  { name: 'phone', width: 390, height: 844, mode: 'story', scale: 2, timelineShare: 0.1 },
  { name: 'tablet', width: 1024, height: 768, mode: 'story', scale: 1, timelineShare: 0.08 },
  { name: 'laptop', width: 1280, height: 800, mode: 'story', scale: 1, timelineShare: 0.08 },
  { name: 'desktop', width: 1920, height: 1080, mode: 'story', scale: 1, timelineShare: 0.08 },
  {
    name: 'kiosk-landscape',
    width: 1920,
    height: 1080,
    mode: 'kiosk',
    scale: 1,
    timelineShare: 0.08,
  },
  {
    name: 'kiosk-portrait',
    width: 1080,
    height: 1920,
    mode: 'kiosk',
    scale: 1,
    timelineShare: 0.08,
  },
];
