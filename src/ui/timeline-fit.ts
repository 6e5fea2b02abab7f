// Where the timeline's labels go so that none is cut at the bar's ends: pure geometry on
// widths in CSS px (the element measures its text and hands the numbers here).

/**
 * The centre for a box of `width` wanted at `centre`, moved the least so that the whole box
 * lies within [lo, hi] (centred in it when it is wider than the room).
 */
export function clampCentre(centre: number, width: number, lo: number, hi: number): number {
  const half = width / 2;
  if (hi - lo <= width) return (lo + hi) / 2;
  return Math.min(hi - half, Math.max(lo + half, centre));
}

export interface EraLabelPlace {
  /** The label fits its band and is drawn in it. */
  inline: boolean;
  /**
   * For a band too narrow for its label: which edge of the band the revealed label hangs
   * from, so that it opens towards the middle of the bar and stays inside it.
   */
  anchor: 'left' | 'right';
}

/** How an era's label is shown in a band from `left` to `right` of a bar `barWidth` wide. */
export function placeEraLabel(
  left: number,
  right: number,
  labelWidth: number,
  barWidth: number,
): EraLabelPlace {
  return {
    inline: labelWidth <= right - left,
    anchor: left + labelWidth > barWidth ? 'right' : 'left',
  };
}
