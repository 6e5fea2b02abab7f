// <story-map> for pages other than the app's own: it defines the element and does nothing
// else to the page. No service worker (the app's page and the kiosk register one; an
// article's address must stay the article's), and no document language (the host page owns
// its <html lang>; the app's page follows its element in src/main.ts).
export { StoryMap } from '../app/story-map';
