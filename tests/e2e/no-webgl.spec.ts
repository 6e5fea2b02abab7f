// Without WebGL there is no map, but the story is still there to read.
import { test, expect } from './support/app';
import { StoryDriver } from './support/story-driver';
import config from '../../playwright.config';

const baseArgs = config.use?.launchOptions?.args ?? [];

test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    args: [...baseArgs, '--disable-webgl', '--disable-webgl2', '--disable-3d-apis'],
  },
});

test.describe('no WebGL', () => {
  test('the story is shown as text, with every step and its places, and says why', async ({
    app,
  }) => {
    const story = new StoryDriver(app.page);
    await story.open();
    const text = app.page.locator('story-text');
    await expect(text).toContainText('WebGL is not available');
    const steps = await story.stepIds();
    expect(steps.length).toBeGreaterThan(10);
    await expect(text.locator('ol > li')).toHaveCount(steps.length);
    await expect(text).toContainText('Electronics Street');
    await expect(text).toContainText('1984');
    await app.page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await expect(text).toContainText('电子一条街');
  });
});
