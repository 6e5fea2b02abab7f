// Entry point: defining <story-map> is all the page needs; index.html mounts it.
import './app/story-map';
