// The scroll mode's layout (issue #22). The element takes its place in the host page's flow:
// as tall as its text, scrolling with the page. Its map, header and timeline are a frame
// that sticks to the viewport while the text blocks pass over it:
//   wide (laptop and up)  a text column over the map's left side; the camera keeps the
//                         step's subject in the part of the map beside it
//   narrow (< 700 px)     text cards across a full-width map
// In the other modes the frame is `display: contents`, so their layouts are untouched.
import { css } from 'lit';

export const scrollStyles = css`
  .frame {
    display: contents;
  }
  :host([mode='scroll']) {
    height: auto;
    min-height: 0;
    overflow: visible;
    container-type: inline-size;
    background: none;
  }
  :host([mode='scroll']) .stage {
    position: relative;
    inset: auto;
    /* No app header in someone else's page: the first block has About, the page its language. */
    --header-h: 0px;
    --text-body: clamp(16px, calc(9px + 0.9vh), 19px);
    --text-ui: clamp(14px, calc(8px + 0.6vh), 16px);
    --timeline-h: clamp(56px, 7.5vh, 72px);
  }
  :host([mode='scroll']) .frame {
    display: block;
    position: sticky;
    top: 0;
    height: 100vh;
    height: 100svh;
    overflow: hidden;
    background: var(--space-bg);
  }
  /* The map is the text's backdrop: the wheel, a finger and the keys scroll the page
     (Explore is the free map). Its credits stay clickable. */
  :host([mode='scroll']) .map {
    pointer-events: none;
  }
  :host([mode='scroll']) .map .maplibregl-ctrl {
    pointer-events: auto;
  }
  :host([mode='scroll']) story-header {
    display: none;
  }
  :host([mode='scroll']) scroll-reader {
    /* Read by the layout controller: the column covers the map's side. */
    --card-layout: side;
    position: relative;
    z-index: 2;
    box-sizing: border-box;
    width: clamp(340px, 36cqw, 520px);
    margin: -100vh 0 0 var(--gap);
    margin-top: -100svh;
    --reader-lead: 45vh;
  }
  /* Explore, left from the text: the free map fills the viewport until "Resume story". */
  :host([scroll-explore]) {
    height: 100vh;
    height: 100svh;
  }
  @container (max-width: 700px) {
    :host([mode='scroll']) .stage {
      --timeline-h: 60px;
      --text-body: 16px;
    }
    :host([mode='scroll']) scroll-reader {
      --card-layout: over;
      width: auto;
      margin-inline: var(--space-3);
      --reader-gap: 70vh;
    }
  }
`;
