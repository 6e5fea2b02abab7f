// Written by scripts/vite-packaged-assets.ts at the package's build.
declare module 'virtual:story-map-assets' {
  /** Each file's path under the build root (`fonts/x.woff2`) and its URL. */
  const files: Readonly<Record<string, string>>;
  export default files;
}
